package io.shuzhi.draft;

import io.shuzhi.interview.KindsProperties;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;

import java.util.Optional;

/**
 * The report kinds for the offline refiner, read once on first use the same way the app reads them (the
 * {@code prompts/kinds} folder, else the copies in the jar): EXPAND needs each section's topics, leads and close
 * clauses, which a {@link Draft} does not carry.
 */
final class KindCatalog {
    private static volatile ReportKinds kinds;

    private KindCatalog() {
    }

    static Optional<ReportKind> find(String id) {
        ReportKinds k = kinds;
        if (k == null) {
            k = new ReportKinds(new KindsProperties(null, null));
            kinds = k;
        }
        return k.find(id);
    }
}
