package io.shuzhi.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point one way: web → chat → interview, draft, export, llm → session. Only web knows HTTP and
 * WebSocket; session knows no feature.
 */
@AnalyzeClasses(packages = "io.shuzhi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule nothingDependsOnWeb = noClasses().that().resideOutsideOfPackage("io.shuzhi.web..")
            .should().dependOnClassesThat().resideInAPackage("io.shuzhi.web..");

    @ArchTest
    static final ArchRule onlyWebAndChatKnowTheConversation = noClasses()
            .that().resideInAnyPackage("io.shuzhi.interview..", "io.shuzhi.draft..", "io.shuzhi.export..",
                    "io.shuzhi.llm..", "io.shuzhi.session..")
            .should().dependOnClassesThat().resideInAPackage("io.shuzhi.chat..");

    @ArchTest
    static final ArchRule sessionKnowsNoFeature = noClasses().that().resideInAPackage("io.shuzhi.session..")
            .should().dependOnClassesThat().resideInAnyPackage("io.shuzhi.interview..", "io.shuzhi.draft..",
                    "io.shuzhi.export..", "io.shuzhi.llm..");

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
