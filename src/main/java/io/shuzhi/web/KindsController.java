package io.shuzhi.web;

import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kinds}: the installed report kinds, so the page can offer a choice before {@code hello{kind}}.
 * Each entry is {@code {id, name, description, parts: [heading…]}}, in the order the kind files give (the default 党支部书记 first); headings carry no ordinals.
 */
@RestController
class KindsController {
    private final ReportKinds kinds;

    KindsController(ReportKinds kinds) {
        this.kinds = kinds;
    }

    @GetMapping("/api/kinds")
    List<KindView> kinds() {
        return kinds.all().stream().map(KindView::of).toList();
    }

    /** One kind as the page shows it in a chooser. */
    record KindView(String id, String name, String description, List<String> parts) {
        static KindView of(ReportKind kind) {
            return new KindView(kind.id(), kind.name(), kind.description() == null ? "" : kind.description(),
                    kind.parts().stream().map(ReportKind.PartSpec::heading).toList());
        }
    }
}
