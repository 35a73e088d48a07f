package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

/**
 * After the first draft, in a real Chromium: section cards (改写, 编辑), 撤销/重做, the version history and its diff,
 * proofreading, the editable facts panel, and starting from last year's report.
 */
class BrowserRefineTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A short three-part report with numbers, as a writer would paste last year's. */
    static final String LAST_YEAR = """
            城西社区党支部书记2024年度抓基层党建工作述职报告

            2024年，城西社区党支部在街道党工委领导下，认真履行第一责任人职责。现将有关情况报告如下：
            一、履职情况及成效
            （一）抓理论学习。一是坚持集中学习，全年组织集中学习研讨10次。二是为党员配发学习读本50册。
            （二）抓组织建设。一是召开支部党员大会4次。二是发展党员1名。
            二、存在问题和不足
            一是理论学习还不够深入。二是组织生活形式比较单一。
            三、下步工作举措
            （一）持续加强理论武装。
            （二）持续夯实组织基础。
            """;

    private Browser browser;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void quit() {
        try {
            // The new panels never trip the page's Content-Security-Policy either.
            if (browser != null) assertThat(browser.<List<Object>>js("return window.__csp")).isEmpty();
        } finally {
            if (browser != null) browser.close();
        }
    }

    private ChatPage open(String query) {
        browser = Browser.start(1280, 900);
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__csp = [];
                document.addEventListener('securitypolicyviolation',
                    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
                """));
        browser.open("http://127.0.0.1:" + port + "/" + query);
        return ChatPage.of(browser);
    }

    /** The level-2 section with the longest text: the one a writer would want shorter. */
    private String longestSection(ChatPage chat) {
        return chat.sections().entrySet().stream().filter(e -> e.getKey().contains("."))
                .max(java.util.Comparator.comparingInt(e -> e.getValue().length())).orElseThrow().getKey();
    }

    @Test
    void cards_refineAndEditInPlace_undoRedo_versionsAndDiff_andAnEditRaceKeepsTheWritersText() {
        var chat = open("?kind=party-branch-secretary").drafted(BrowserChatTest.ANSWERS);
        Map<String, String> v1 = chat.sections();
        assertThat(chat.all("[data-testid=section-card]")).hasSize(v1.size());
        assertThat(chat.byTestId("undo").isEnabled()).isFalse();
        browser.screenshot("12-cards");

        // 改写 → 精简一些 on one card: that card's text changes, and only that card's.
        String target = longestSection(chat);
        chat.click(chat.inCard(target, "card-refine"));
        WebElement panel = browser.await("the refine panel", d -> chat.inCard(target, "refine-panel"));
        assertThat(panel.findElements(By.cssSelector("[data-testid=refine-option]")).stream().map(WebElement::getText))
                .containsExactly("再具体些", "精简一些", "语气再正式一点", "换个说法");
        // Keyboard: the first quick option has focus; Escape closes the panel and gives focus back to 改写.
        assertThat(browser.<String>js("return document.activeElement.textContent")).isEqualTo("再具体些");
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        browser.await("the panel to close", d -> chat.all("[data-testid=refine-panel]").isEmpty());
        assertThat(browser.<String>js("return document.activeElement.dataset.testid")).isEqualTo("card-refine");

        chat.click(chat.inCard(target, "card-refine"));
        chat.click(chat.allInCard(target, "refine-option").get(1));
        chat.awaitVersion(2);
        Map<String, String> v2 = chat.sections();
        assertThat(v2.get(target)).isNotEqualTo(v1.get(target));
        assertThat(v2.get(target).length()).isLessThan(v1.get(target).length());
        v1.keySet().stream().filter(ref -> !ref.equals(target))
                .forEach(ref -> assertThat(v2.get(ref)).as(ref + " untouched").isEqualTo(v1.get(ref)));
        browser.await("undo enabled", d -> chat.byTestId("undo").isEnabled());

        // 编辑 in place → 保存: a new version with the writer's words.
        String edited = "一是坚持“三会一课”制度，全年召开支部党员大会4次。二是开展主题党日活动，党员参与率明显提高。";
        chat.click(chat.inCard("1.2", "card-edit"));
        WebElement area = browser.await("the editor", d -> chat.inCard("1.2", "edit-text"));
        assertThat(area.getDomProperty("value")).isNotBlank();
        assertThat(v2.get("1.2")).endsWith(area.getDomProperty("value").replace("\n", ""));
        area.clear();
        area.sendKeys(edited);
        chat.click(chat.inCard("1.2", "edit-save"));
        chat.awaitVersion(3);
        assertThat(chat.sectionText("1.2")).endsWith(edited);
        assertThat(chat.all("[data-testid=edit-panel]")).isEmpty();

        // 撤销 → back to version 2; 重做 → version 3 again.
        chat.click(chat.byTestId("undo"));
        chat.awaitVersion(2);
        assertThat(chat.sections()).isEqualTo(v2);
        browser.await("redo enabled", d -> chat.byTestId("redo").isEnabled());
        chat.click(chat.byTestId("redo"));
        chat.awaitVersion(3);
        assertThat(chat.sectionText("1.2")).endsWith(edited);

        // 版本: three versions, the third current; 与上一版比较 shows the edited section, changed, before and after.
        chat.click(chat.byTestId("versions"));
        browser.await("three versions", d -> chat.all("[data-testid=version-item]").size() == 3);
        assertThat(chat.texts("[data-testid=version-item]").get(0)).contains("第3版").contains("手动编辑").contains("当前");
        assertThat(chat.texts("[data-testid=version-item]").get(1)).contains("第2版").contains("修改").contains("精简一些");
        assertThat(chat.texts("[data-testid=version-item]").get(2)).contains("第1版").contains("生成");
        chat.click(chat.all("[data-testid=version-item]").get(0), "diff-prev");
        WebElement diff = browser.await("the diff", d -> chat.all("[data-testid=diff-section]").isEmpty() ? null
                : chat.byTestId("diff"));
        assertThat(diff.getText()).contains("第2版 → 第3版");
        List<WebElement> changed = chat.all("[data-testid=diff-section]");
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).getDomAttribute("data-ref")).isEqualTo("1.2");
        assertThat(changed.get(0).getDomAttribute("data-status")).isEqualTo("changed");
        assertThat(changed.get(0).findElement(By.cssSelector("[data-testid=diff-after]")).getDomProperty("textContent")).endsWith(edited);
        assertThat(changed.get(0).findElements(By.cssSelector("ins.sz-ins"))).isNotEmpty();
        assertThat(changed.get(0).findElements(By.cssSelector("del.sz-del"))).isNotEmpty();
        browser.screenshot("13-versions-diff");
        // Two versions chosen by hand: 1 and 3 differ in both changed sections.
        chat.click(chat.find("[data-testid=version-item][data-version='1'] [data-testid=version-pick]"));
        chat.click(chat.find("[data-testid=version-item][data-version='3'] [data-testid=version-pick]"));
        chat.click(chat.byTestId("diff-selected"));
        browser.await("the diff of 1 and 3", d -> chat.byTestId("diff").getText().contains("第1版 → 第3版")
                && chat.all("[data-testid=diff-section]").size() == 2);
        chat.click(chat.byTestId("versions-close"));
        browser.await("the draft again", d -> chat.byTestId("draft").isDisplayed());

        // An edit race: another tab changes the draft while this one edits. The editor stays open with the writer's
        // text, says which version the draft is at now, and saving again succeeds on it.
        String mine = "这是我在这一页里改写的开头，一个字都不能丢。";
        chat.click(chat.inCard("opening", "card-edit"));
        WebElement opening = browser.await("the opening's editor", d -> chat.inCard("opening", "edit-text"));
        opening.clear();
        opening.sendKeys(mine);
        String sessionId = browser.js("return localStorage.getItem('shuzhi.sessionId')");
        try (WsClient other = connect()) {
            other.hello(sessionId, null);
            other.await("session");
            other.send(JSON.createObjectNode().put("type", "edit").put("section", "3.1")
                    .put("text", "另一个标签页改的。").put("baseVersion", 3).toString());
            other.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 4);
        }
        browser.await("version 4 from the other tab", d -> chat.sectionText("3.1").endsWith("另一个标签页改的。"));
        chat.click(chat.inCard("opening", "edit-save"));
        WebElement conflict = browser.await("the conflict note", d -> chat.inCard("opening", "edit-conflict"));
        assertThat(conflict.getText()).contains("草稿已在别处更新到第4版");
        assertThat(chat.inCard("opening", "edit-text").getDomProperty("value")).isEqualTo(mine);
        chat.click(chat.inCard("opening", "edit-save"));
        chat.awaitVersion(5);
        assertThat(chat.sectionText("opening")).isEqualTo(mine);
        assertThat(chat.sectionText("3.1")).endsWith("另一个标签页改的。");
    }

    @Test
    void proofreading_acceptingASuggestion_fixesTheDraft() {
        var chat = open("?kind=party-branch-secretary").drafted(BrowserChatTest.ANSWERS);
        chat.click(chat.inCard("1.2", "card-edit"));
        WebElement area = browser.await("the editor", d -> chat.inCard("1.2", "edit-text"));
        area.clear();
        area.sendKeys("一是抓常抓细日常监督，对1人进行诚勉谈话。二是发展党员2名。");
        area.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)); // Ctrl+Enter saves
        chat.awaitVersion(2);
        assertThat(chat.sectionText("1.2")).contains("诚勉谈话");

        chat.click(chat.byTestId("proofread"));
        WebElement suggestion = browser.await("the suggestion for 诚勉谈话", d -> chat.all("[data-testid=suggestion]").stream()
                .filter(s -> s.findElement(By.cssSelector("[data-testid=suggestion-wrong]")).getText().equals("诚勉谈话"))
                .findFirst().orElse(null));
        assertThat(suggestion.findElement(By.cssSelector("[data-testid=suggestion-right]")).getText()).isEqualTo("诫勉谈话");
        assertThat(suggestion.getText()).contains("错别字");
        browser.screenshot("14-proofread");

        // 忽略 hides a suggestion on this page only; 采纳 makes a new version and a fresh list.
        int before = chat.all("[data-testid=suggestion]").size();
        if (before > 1) {
            WebElement other = chat.all("[data-testid=suggestion]").stream().filter(s -> !s.equals(suggestion)).findFirst().orElseThrow();
            chat.click(other, "suggestion-ignore");
            browser.await("one fewer", d -> chat.all("[data-testid=suggestion]").size() == before - 1);
        }
        WebElement accept = chat.all("[data-testid=suggestion]").stream()
                .filter(s -> s.getText().contains("诚勉谈话")).findFirst().orElseThrow()
                .findElement(By.cssSelector("[data-testid=suggestion-accept]"));
        chat.click(accept);
        chat.awaitVersion(3);
        assertThat(chat.sectionText("1.2")).contains("对1人进行诫勉谈话").doesNotContain("诚勉");
        browser.await("a fresh list without it", d -> chat.texts("[data-testid=suggestion]").stream().noneMatch(t -> t.contains("诚勉")));

        // A refine offline cannot do is answered on the card itself, and the draft stays as it was.
        chat.click(chat.inCard("1.1", "card-refine"));
        chat.click(chat.allInCard("1.1", "refine-option").get(3));
        WebElement note = browser.await("the card's note", d -> chat.inCard("1.1", "card-note"));
        assertThat(note.getText()).contains("模型");
        assertThat(chat.byTestId("draft-version").getText()).isEqualTo("第 3 版");
    }

    @Test
    void importFromTheFirstScreen_marksLastYearsNumbers_andTheFactsCanBeCorrectedAndDeleted() {
        var chat = open("");
        browser.await("the kinds to be offered", d -> !chat.all("[data-testid=kind-option]").isEmpty());
        chat.click(chat.byTestId("intro-import"));
        WebElement text = browser.await("the import dialog", d -> {
            WebElement t = chat.byTestId("import-text");
            return t.isDisplayed() ? t : null;
        });
        assertThat(browser.<String>js("return document.activeElement.dataset.testid")).isEqualTo("import-text");
        browser.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", text, LAST_YEAR);
        browser.screenshot("16-import-dialog");
        chat.click(chat.byTestId("import-submit"));
        browser.await("the imported draft", d -> chat.all("[data-testid=section-card]").size() > 5);
        browser.await("the dialog to close", d -> !chat.byTestId("import-text").isDisplayed());
        String draft = chat.draftText();
        assertThat(draft).contains("【去年10次，今年？】").contains("【去年50册，今年？】").contains("一、履职情况及成效")
                .contains("三、下步工作举措");
        assertThat(draft.replaceAll("【[^】]*】", "")).doesNotContain("10次").doesNotContain("50册");
        assertThat(chat.sectionText("title")).contains("2025年度");
        assertThat(chat.all("[data-testid=draft] mark.sz-d-todo")).isNotEmpty();
        assertThat(chat.byTestId("kind-name").getText()).isNotBlank();

        // The facts panel: last year's facts are marked 去年; one is corrected, another deleted.
        chat.click(chat.find("[data-testid=facts] summary"));
        List<WebElement> facts = browser.await("last year's facts", d -> chat.all("[data-testid=fact]").size() >= 3
                ? chat.all("[data-testid=fact]") : null);
        assertThat(facts).allSatisfy(f -> assertThat(f.findElements(By.cssSelector("[data-testid=fact-last-year]"))).hasSize(1));
        int count = facts.size();
        WebElement study = facts.stream().filter(f -> f.getText().contains("10次")).findFirst().orElseThrow();
        String studyId = study.getDomAttribute("data-id");
        chat.click(study, "fact-edit");
        WebElement input = browser.await("the fact's editor", d -> chat.find("[data-testid=fact][data-id='" + studyId + "'] [data-testid=fact-edit-text]"));
        assertThat(browser.<String>js("return document.activeElement.dataset.testid")).isEqualTo("fact-edit-text");
        browser.screenshot("15-facts-edit");
        input.clear();
        input.sendKeys("今年组织集中学习研讨14次");
        input.sendKeys(Keys.ENTER);
        browser.await("the corrected fact", d -> chat.find("[data-testid=fact][data-id='" + studyId + "']").getText()
                .contains("今年组织集中学习研讨14次"));
        WebElement corrected = chat.find("[data-testid=fact][data-id='" + studyId + "']");
        assertThat(corrected.findElements(By.cssSelector("[data-testid=fact-last-year]"))).as("now the writer's own").isEmpty();
        assertThat(corrected.findElements(By.cssSelector("[data-testid=quantity]")).stream().map(WebElement::getText)).contains("14次");

        WebElement books = chat.all("[data-testid=fact]").stream().filter(f -> f.getText().contains("50册")).findFirst().orElseThrow();
        String booksId = books.getDomAttribute("data-id");
        chat.click(books, "fact-delete");
        WebElement confirm = browser.await("the delete confirmation", d -> chat.find("[data-testid=fact][data-id='" + booksId + "'] [data-testid=fact-delete-confirm]"));
        chat.click(confirm);
        browser.await("one fact fewer", d -> chat.all("[data-testid=fact]").size() == count - 1);
        assertThat(chat.all("[data-testid=fact][data-id='" + booksId + "']")).isEmpty();
        assertThat(chat.byTestId("facts-count").getText()).isEqualTo(String.valueOf(count - 1));
        browser.screenshot("15b-facts-after");
    }

    @Test
    void aFirstMessageNamingAnotherKind_changesTheKindShown() {
        var chat = open("?kind=party-branch-secretary").awaitFirstReply();
        assertThat(chat.byTestId("kind-name").getText()).isEqualTo("党支部书记抓基层党建工作述职");
        chat.answer("我要写个人述职");
        browser.await("the new kind in the header", d -> chat.byTestId("kind-name").getText().equals("个人年度述职报告"));
    }

    @Test
    void uploadingAFile_importsIt_andABadFileSaysWhy() throws Exception {
        var chat = open("?kind=party-branch-secretary").awaitFirstReply();
        chat.click(chat.byTestId("import-open"));
        browser.await("the import dialog", d -> chat.byTestId("import-text").isDisplayed());

        var bad = java.nio.file.Files.createTempFile("shuzhi-", ".txt");
        java.nio.file.Files.write(bad, new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        chat.byTestId("import-file").sendKeys(bad.toAbsolutePath().toString());
        WebElement error = browser.await("the server's message", d -> {
            WebElement e = chat.byTestId("import-error");
            return e.getText().isBlank() ? null : e;
        });
        assertThat(error.getText()).matches("(?s).*[\\u4e00-\\u9fff].*");
        assertThat(chat.byTestId("import-text").isDisplayed()).isTrue();

        var pdf = java.nio.file.Files.createTempFile("shuzhi-", ".pdf");
        chat.byTestId("import-file").sendKeys(pdf.toAbsolutePath().toString());
        browser.await("the type refused", d -> chat.byTestId("import-error").getText().contains(".docx"));

        var good = java.nio.file.Files.createTempFile("shuzhi-", ".txt");
        java.nio.file.Files.writeString(good, LAST_YEAR);
        chat.byTestId("import-file").sendKeys(good.toAbsolutePath().toString());
        browser.await("the imported draft", d -> chat.draftText().contains("【去年10次，今年？】"));
        browser.await("the dialog to close", d -> !chat.byTestId("import-text").isDisplayed());
        java.nio.file.Files.deleteIfExists(bad);
        java.nio.file.Files.deleteIfExists(pdf);
        java.nio.file.Files.deleteIfExists(good);
    }
}
