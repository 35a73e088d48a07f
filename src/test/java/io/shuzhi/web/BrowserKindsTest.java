package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first screen offers the kinds in the order their files give, and the intro names the chosen kind's parts. */
class BrowserKindsTest extends IntegrationTest {
    private Browser browser;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void quit() {
        if (browser != null) browser.close();
    }

    @Test
    void theDefaultKindComesFirst_andTheIntroCountsTheChosenKindsParts() {
        browser = Browser.start(1440, 900).open("http://127.0.0.1:" + port + "/");
        var chat = ChatPage.of(browser);
        browser.await("the kinds to be offered", d -> chat.all("[data-testid=kind-option]").size() == 4);
        assertThat(chat.all("[data-testid=kind-option]").stream().map(e -> e.getDomAttribute("data-kind")).toList())
                .containsExactly("party-branch-secretary", "personal-annual", "annual-work-summary",
                        "accountability-integrity");
        // Before a choice the intro promises no fixed number of parts.
        assertThat(chat.byTestId("intro-parts").getText()).doesNotContain("三部分");

        chat.click(chat.find("[data-testid=kind-option][data-kind=accountability-integrity]"));
        chat.awaitFirstReply();
        browser.await("the intro to name the four parts", d -> chat.byTestId("intro-parts").getText().startsWith("生成四部分草稿"));
        assertThat(chat.byTestId("intro-parts").getText())
                .contains("一、履行全面从严治党主体责任（一岗双责）情况").contains("四、");
    }

    @Test
    void aThreePartKind_isIntroducedWithItsThreeParts() {
        browser = Browser.start(1440, 900).open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        var chat = ChatPage.of(browser).awaitFirstReply();
        browser.await("the intro to name the parts", d -> chat.byTestId("intro-parts").getText().startsWith("生成三部分草稿"));
        assertThat(chat.byTestId("intro-parts").getText()).contains("一、").contains("三、").doesNotContain("四、");
    }
}
