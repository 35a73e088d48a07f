package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a writer reads on the page, after the actions that used to show developer words, is in a cadre's words. */
class BrowserWordingTest extends IntegrationTest {
    /** Every text the page shows: visible text, tooltips, placeholders and labels. */
    static final String SHOWN = """
            var out = [document.body.innerText];
            document.querySelectorAll('[title],[placeholder],[aria-label]').forEach(function (e) {
              ['title', 'placeholder', 'aria-label'].forEach(function (a) { if (e.getAttribute(a)) out.push(e.getAttribute(a)); });
            });
            return out.join('\\n');""";

    private Browser browser;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void quit() {
        if (browser != null) browser.close();
    }

    private List<String> developerWords(String shown) {
        List<String> found = new ArrayList<>();
        for (String line : shown.split("\n")) {
            if (!line.isBlank()) WriterWordsTest.check(line, line, found);
        }
        return found;
    }

    @Test
    void draftingBeforeAKindIsChosen_andAskingTheOfflineEngineToRewrite_showNoDeveloperWords() {
        browser = Browser.start(1440, 900).open("http://127.0.0.1:" + port + "/");
        var chat = ChatPage.of(browser);
        browser.await("the kinds to be offered", d -> chat.all("[data-testid=kind-option]").size() == 4);
        chat.awaitConnected();
        // 生成草稿 before any kind was chosen: there is nothing to draft from, and the page says so in plain words.
        if (chat.byTestId("generate").isEnabled()) chat.byTestId("generate").click();
        chat.click(chat.find("[data-testid=kind-option][data-kind=party-branch-secretary]"));
        chat.awaitFirstReply();
        String first = browser.js(SHOWN);
        assertThat(developerWords(first)).as("words shown after 生成草稿 before a kind").isEmpty();

        chat.drafted(BrowserChatTest.ANSWERS.subList(1, BrowserChatTest.ANSWERS.size()));
        // The offline engine cannot rewrite freely: its answer says whom to ask, not which setting to change.
        String reply = chat.answer("第一部分第一节换个说法");
        assertThat(reply).contains("管理员");
        String after = browser.js(SHOWN);
        assertThat(developerWords(after)).as("words shown after an offline rewrite").isEmpty();
        assertThat(after).doesNotContain("SHUZHI_").doesNotContain("hello");
    }
}
