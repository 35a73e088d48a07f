package io.shuzhi.interview;

import java.math.BigDecimal;

/**
 * A number the writer gave, with its unit: "二十余次" → raw "二十余次", value 20, unit "次", approx true.
 *
 * @param raw    the text exactly as written
 * @param value  the numeric value (for 百分之八十 → 80 with unit "%", for 3.5万 → 35000 with unit "" or "万元"→ value 3.5, unit 万元)
 * @param unit   the measure word or unit ("次", "人", "名", "项", "期", "册", "篇", "场", "个", "万元", "%"), may be empty
 * @param approx true for 余/多/近/约 forms
 */
public record Quantity(String raw, BigDecimal value, String unit, boolean approx) {
    public Quantity {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("raw is required");
        if (value == null) throw new IllegalArgumentException("value is required");
        unit = unit == null ? "" : unit;
    }

    /**
     * How a draft writes it: Arabic digits, the writer's approximation words kept in their place ("20余次",
     * "近20次", "2万余人", "80%").
     */
    public String display() {
        return NumberParser.render(this);
    }
}
