package io.shuzhi.interview;

import java.math.BigDecimal;

/**
 * A number the writer gave, with its unit: "二十余次" → raw "二十余次", value 20, unit "次", approx true.
 *
 * @param raw    the text exactly as written
 * @param value  the numeric value (for 百分之八十 → 80 with unit "%", for 3.5万 → 35000 with unit "" or "万元"→ value 3.5, unit 万元);
 *               for a range ("3至5次") its lower end
 * @param unit   the measure word or unit ("次", "人", "名", "项", "期", "册", "篇", "场", "个", "万元", "%", "成", "倍",
 *               "番"), may be empty
 * @param approx true for 余/多/近/约/左右/以上 forms
 * @param upper  the upper end of a range ("3至5次", "三到五人"), in the same unit as {@code value}; null for one number
 */
public record Quantity(String raw, BigDecimal value, String unit, boolean approx, BigDecimal upper) {
    public Quantity {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("raw is required");
        if (value == null) throw new IllegalArgumentException("value is required");
        unit = unit == null ? "" : unit;
    }

    /** One number, not a range. */
    public Quantity(String raw, BigDecimal value, String unit, boolean approx) {
        this(raw, value, unit, approx, null);
    }

    /**
     * How a draft writes it: Arabic digits, the writer's approximation words kept in their place ("20余次",
     * "近20次", "2万余人", "80%", "3至5次"); 成 and 番 stay as written ("两成", "翻一番").
     */
    public String display() {
        return NumberParser.render(this);
    }
}
