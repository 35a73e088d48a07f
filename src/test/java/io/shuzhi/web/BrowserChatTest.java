package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Shuzhi's own page in a real headless Chromium: a writer's whole conversation, from the first screen to a draft. */
class BrowserChatTest extends IntegrationTest {
    static final List<String> ANSWERS = List.of(
            "市第一人民医院内科党支部，2024年度",
            "我们今年组织集中学习研讨12次，发放学习读本45册。另外我讲了3次党课，举办培训2期，参训党员60人次。",
            "跳过",
            "今年发展党员2名，确定入党积极分子4名。");

    private Browser browser;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void quit() {
        if (browser != null) browser.close();
    }

    private String page() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Test
    void firstScreen_offersTheKinds_andChoosingOneStartsASessionOfThatKind() {
        browser = Browser.start(1280, 860).open(page());
        var chat = ChatPage.of(browser);
        browser.await("the kinds to be offered", d -> chat.all("[data-testid=kind-option]").size() == 4);
        assertThat(chat.texts("[data-testid=kind-option] .sz-kind-name"))
                .contains("个人年度述职报告", "党支部书记抓基层党建工作述职", "年度工作总结", "述责述廉报告");
        // No session starts before the writer chooses.
        assertThat(chat.replies()).isZero();
        assertThat(browser.<Object>js("return localStorage.getItem('shuzhi.sessionId')")).isNull();
        chat.byTestId("draft-empty");
        browser.screenshot("01-first-screen");

        WebElement personal = chat.find("[data-testid=kind-option][data-kind=personal-annual]");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", personal);
        personal.click();
        chat.awaitFirstReply();
        browser.await("the chosen kind in the header", d -> chat.byTestId("kind-name").getText().equals("个人年度述职报告"));
        assertThat(chat.byTestId("kinds").isDisplayed()).isFalse();
        assertThat(chat.byTestId("engine").getText()).isEqualTo("离线模式");
    }

    @Test
    void wholeConversation_typedWithEnter_endsInARenderedDraft_andAReloadBringsItAllBack() {
        browser = Browser.start(1280, 860).open(page() + "?kind=party-branch-secretary");
        var chat = ChatPage.of(browser).awaitFirstReply();
        double connected = browser.<Number>js(
                "return performance.getEntriesByName('shuzhi-connected')[0].startTime").doubleValue();
        double firstReply = browser.<Number>js(
                "return performance.getEntriesByName('shuzhi-first-reply')[0].startTime").doubleValue();
        System.out.printf("MEASURE page load → socket open: %.0f ms; page load → first assistant message: %.0f ms%n",
                connected, firstReply);
        assertThat(chat.byTestId("kind-name").getText()).isEqualTo("党支部书记抓基层党建工作述职");
        assertThat(chat.all("[data-testid=kind-option]")).isEmpty();

        for (int i = 0; i < ANSWERS.size(); i++) {
            chat.answer(ANSWERS.get(i));
            if (i == 1) browser.screenshot("02-mid-interview");
        }
        assertThat(chat.texts("[data-testid=message-user]")).containsExactlyElementsOf(ANSWERS);
        assertThat(chat.byTestId("facts-count").getDomProperty("textContent")).isNotEqualTo("0");

        chat.answer("生成草稿");
        List<String> sections = chat.awaitDraft();
        String draft = chat.draftText();
        assertThat(sections.get(0)).contains("市第一人民医院内科党支部").contains("2024");
        assertThat(draft).contains("现将有关情况报告如下：").contains("一、履职情况及成效").contains("二、存在问题和不足")
                .contains("三、下步工作举措").contains("12次").contains("45册").contains("60人次").contains("【待补充：");
        assertThat(chat.byTestId("draft-version").getText()).isEqualTo("第 1 版");
        browser.await("the progress bar to go", d -> !chat.byTestId("progress").isDisplayed());
        browser.screenshot("03-finished-draft");

        // The export menu: four formats. No link carries the session id; a click downloads the file at once.
        String sessionId = browser.js("return localStorage.getItem('shuzhi.sessionId')");
        java.nio.file.Path downloads = java.nio.file.Path.of("target", "downloads", "chat-" + System.nanoTime());
        browser.downloadsTo(downloads);
        for (String format : List.of("docx", "html", "md", "txt")) {
            chat.byTestId("export").click();
            WebElement link = chat.byTestId("download-" + format);
            assertThat(link.isDisplayed()).as(format).isTrue();
            assertThat(link.getDomAttribute("href")).as(format).doesNotContain(sessionId);
            if (format.equals("txt")) browser.screenshot("03b-export-menu");
            link.click();
            java.nio.file.Path file = browser.awaitDownload(downloads, "." + format);
            assertThat(file.getFileName().toString()).as(format).contains("市第一人民医院内科党支部");
        }
        String txt = browser.await("the .txt download to be complete", d -> {
            try {
                String t = java.nio.file.Files.readString(browser.awaitDownload(downloads, ".txt"));
                return t.contains("12次") ? t : null;
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertThat(txt).contains("现将有关情况报告如下：").doesNotContain(sessionId);

        // Reload: the same session, its history and its draft come back.
        int messages = chat.all("[data-testid^=message-]").size();
        browser.driver().navigate().refresh();
        var again = ChatPage.of(browser);
        browser.await("the history after reload", d -> again.all("[data-testid^=message-]").size() == messages);
        assertThat(browser.<String>js("return localStorage.getItem('shuzhi.sessionId')")).isEqualTo(sessionId);
        assertThat(again.texts("[data-testid=message-user]")).startsWith(ANSWERS.toArray(String[]::new));
        assertThat(again.awaitDraft().get(0)).isEqualTo(sections.get(0));
        assertThat(again.draftText()).isEqualTo(draft);

        // A phone-sized screen: chat and draft become tabs.
        browser.resize(400, 800);
        browser.await("the narrow layout", d -> again.byTestId("app").getAttribute("class").contains("sz-narrow"));
        assertThat(again.byTestId("tab-chat").isDisplayed()).isTrue();
        assertThat(again.byTestId("draft").isDisplayed()).isFalse();
        browser.screenshot("04-narrow-chat");
        again.byTestId("tab-draft").click();
        browser.await("the draft tab", d -> again.byTestId("draft").isDisplayed());
        assertThat(again.byTestId("chat-input").isDisplayed()).isFalse();
        browser.screenshot("05-narrow-draft");
    }
}
