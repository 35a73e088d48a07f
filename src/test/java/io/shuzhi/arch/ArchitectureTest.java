package io.shuzhi.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package graph of {@code docs/architecture.md}, as measured by {@link PackageGraph}: dependencies point one way,
 * web → chat → llm, export → draft → interview, with session (storage) under chat and llm only and prompts (the data
 * files) under the packages that read them. Only web knows HTTP and WebSocket; session knows no feature. Each
 * package's face, as measured by {@link PackageFaces}: the public types are only those other packages use.
 */
@AnalyzeClasses(packages = "io.shuzhi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("web").definedBy("io.shuzhi.web..")
            .layer("chat").definedBy("io.shuzhi.chat..")
            .layer("llm").definedBy("io.shuzhi.llm..")
            .layer("export").definedBy("io.shuzhi.export..")
            .layer("draft").definedBy("io.shuzhi.draft..")
            .layer("interview").definedBy("io.shuzhi.interview..")
            .layer("session").definedBy("io.shuzhi.session..")
            .layer("prompts").definedBy("io.shuzhi.prompts..")
            .layer("config").definedBy("io.shuzhi.config..")
            .layer("usage").definedBy("io.shuzhi.usage..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("chat").mayOnlyBeAccessedByLayers("web")
            .whereLayer("llm").mayOnlyBeAccessedByLayers("chat", "web")
            .whereLayer("export").mayOnlyBeAccessedByLayers("chat", "web")
            .whereLayer("draft").mayOnlyBeAccessedByLayers("export", "llm", "chat", "web")
            .whereLayer("interview").mayOnlyBeAccessedByLayers("draft", "export", "llm", "chat", "web")
            .whereLayer("session").mayOnlyBeAccessedByLayers("llm", "chat")
            .whereLayer("prompts").mayOnlyBeAccessedByLayers("interview", "draft", "llm")
            .whereLayer("config").mayNotBeAccessedByAnyLayer()
            .whereLayer("usage").mayOnlyBeAccessedByLayers("interview", "draft", "llm", "chat");

    /** Said on its own because it is the easiest to break: the interview is read by the drafter, never the reverse. */
    @ArchTest
    static final ArchRule interviewKnowsNoDraft = noClasses().that().resideInAPackage("io.shuzhi.interview..")
            .should().dependOnClassesThat().resideInAPackage("io.shuzhi.draft..");

    /** web hands frames and requests to chat; it never reads or writes the store itself. */
    @ArchTest
    static final ArchRule webKnowsNoSession = noClasses().that().resideInAPackage("io.shuzhi.web..")
            .should().dependOnClassesThat().resideInAPackage("io.shuzhi.session..");

    /**
     * Refinement sits on the drafter, never under it: {@code draft.refine} uses the draft model and
     * {@code DraftingRules}; nothing else in {@code draft} knows the refiner.
     */
    @ArchTest
    static final ArchRule draftKnowsNoRefiner = noClasses().that().resideInAPackage("io.shuzhi.draft")
            .should().dependOnClassesThat().resideInAPackage("io.shuzhi.draft.refine..");

    /** Only the conversation asks for a refinement; the model's rewrite works on the {@code Refinement} it is given. */
    @ArchTest
    static final ArchRule refinerUsedByChatOnly = classes().that().resideInAPackage("io.shuzhi.draft.refine..")
            .should().onlyHaveDependentClassesThat().resideInAnyPackage("io.shuzhi.draft.refine..", "io.shuzhi.chat..");

    /** The refiner's face: the parser and the offline refiner (with their nested results); the rest is package-private. */
    @ArchTest
    static final ArchRule refinerFace = classes().that().resideInAPackage("io.shuzhi.draft.refine..")
            .and().arePublic().and().areTopLevelClasses()
            .should().haveNameMatching("io\\.shuzhi\\.draft\\.refine\\.(RefineParser|OfflineRefiner)");

    // Each package's face: only the top-level types another package's main code uses are public, as PackageFaces
    // measures them (docs/architecture.md, "Faces"). Making another type public fails here; a type another package
    // comes to need is added to its package's list in the same commit.

    /** What web needs: the runner, the frames it parses and their codec, the tab (Client), errors, socket settings. */
    @ArchTest
    static final ArchRule chatFace = face("io.shuzhi.chat",
            "TurnRunner", "ClientFrame", "Client", "FrameCodec", "ErrorCode", "ShuzhiException", "ChatProperties");

    /** chat, llm, export, web and draft.refine: the draft model, the drafters, the rewrite, the guard, the proofreader. */
    @ArchTest
    static final ArchRule draftFace = face("io.shuzhi.draft",
            "Draft", "Section", "DraftWriter", "TemplateDrafter", "Refinement", "SectionRewriter", "RewriteTargets",
            "NumberGuard", "PlanOrder", "YearTerms", "Proofreader", "DraftFormats",
            // the drafter's word tables, read once at startup: built by chat's configuration, passed to llm and refine
            "DraftLexicon",
            // draft.refine only: the drafter's rules and body text, through one door each
            "DraftingRules", "BodyText");

    /** chat reads a prior report (ImportTurn); web exports a draft. */
    @ArchTest
    static final ArchRule exportFace = face("io.shuzhi.export",
            "ExportService", "ExportFormat", "PriorReportParser", "ImportedReport", "ImportedDrafts", "ImportException");

    /** Read by chat, draft, draft.refine, export, llm and web: kinds, facts, numbers, the interview and its engines. */
    @ArchTest
    static final ArchRule interviewFace = face("io.shuzhi.interview",
            "InterviewEngine", "OfflineInterviewer", "InterviewState", "Fact", "Quantity", "Plan", "ReportKind",
            "ReportKinds", "KindRecognizer", "KindsProperties", "NumberParser", "ChineseNumerals", "Words", "Intents",
            "ClauseReader", "RuleExtractor", "Faq", "LastYear", "YearOnYear",
            // the interview's word tables, read once at startup and passed to whoever reads a message
            "Lexicon");

    /** chat chooses the engine and maps model errors; web probes the model; ShuzhiApplication runs the smoke check. */
    @ArchTest
    static final ArchRule llmFace = face("io.shuzhi.llm",
            "LlmInterviewer", "LlmDraftWriter", "LlmModels", "LlmProperties", "ModelException", "Smoke");

    /** chat stores and fans out; llm keys its chat memory. */
    @ArchTest
    static final ArchRule sessionFace = face("io.shuzhi.session",
            "SessionStore", "SessionKeys", "SessionEvents", "SessionProperties", "StoreUnavailableException");

    /** Nothing depends on web, so nothing in it is public. */
    @ArchTest
    static final ArchRule webFace = classes().that().resideInAPackage("io.shuzhi.web..").and().areTopLevelClasses()
            .should().notBePublic();

    private static ArchRule face(String pkg, String... types) {
        return classes().that().resideInAPackage(pkg).and().arePublic().and().areTopLevelClasses()
                .should().haveNameMatching(pkg.replace(".", "\\.") + "\\.(" + String.join("|", types) + ")")
                .as("only " + String.join(", ", types) + " are public in " + pkg);
    }

    @ArchTest
    static final ArchRule sessionKnowsNoFeature = noClasses().that().resideInAPackage("io.shuzhi.session..")
            .should().dependOnClassesThat().resideInAnyPackage("io.shuzhi.chat..", "io.shuzhi.interview..",
                    "io.shuzhi.draft..", "io.shuzhi.export..", "io.shuzhi.llm..", "io.shuzhi.web..");

    @ArchTest
    static final ArchRule domainKnowsNoStorageOrModel = noClasses()
            .that().resideInAnyPackage("io.shuzhi.interview..", "io.shuzhi.draft..")
            .should().dependOnClassesThat().resideInAnyPackage("io.shuzhi.session..", "io.shuzhi.llm..",
                    "io.shuzhi.export..");

    @ArchTest
    static final ArchRule onlyWebKnowsServletsAndSockets = noClasses().that().resideOutsideOfPackage("io.shuzhi.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.socket..",
                    "jakarta.servlet..", "org.springframework.web.bind..");
}
