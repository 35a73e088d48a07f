package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A fact corrected in the facts panel reaches the draft, and the draft marks which sections a new version changed. */
class BrowserDraftChangesTest extends IntegrationTest {
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
    void aFactCorrectedInThePanel_rewritesItsSectionOnly_andTheChangedSectionIsMarked() {
        browser = Browser.start(1440, 900).open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        var chat = ChatPage.of(browser).drafted(BrowserChatTest.ANSWERS);
        Map<String, String> before = chat.sections();
        String ref = before.entrySet().stream().filter(e -> e.getValue().contains("12次")).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        assertThat(chat.all("[data-testid=section-updated]")).as("a first draft marks nothing").isEmpty();

        chat.click(chat.find("[data-testid=facts] summary"));
        WebElement study = browser.await("the fact with 12次", d -> chat.all("[data-testid=fact]").stream()
                .filter(f -> f.getDomProperty("textContent").contains("12次")).findFirst().orElse(null));
        String id = study.getDomAttribute("data-id");
        chat.click(study, "fact-edit");
        WebElement input = browser.await("the fact's editor",
                d -> chat.find("[data-testid=fact][data-id='" + id + "'] [data-testid=fact-edit-text]"));
        String corrected = input.getDomProperty("value").replace("12次", "15次");
        input.clear();
        input.sendKeys(corrected);
        input.sendKeys(Keys.ENTER);

        chat.awaitVersion(2);
        Map<String, String> after = chat.sections();
        assertThat(after.get(ref)).contains("15次").doesNotContain("12次");
        // Only that section changed, and the draft says so where it changed.
        after.forEach((r, text) -> {
            if (!r.equals(ref)) assertThat(text).as("section " + r).isEqualTo(before.get(r));
        });
        assertThat(chat.allInCard(ref, "section-updated")).hasSize(1);
        assertThat(chat.all("[data-testid=section-updated]")).hasSize(1);
        browser.screenshot("20-fact-edit-redrafts-its-section");

        // A refine of the title: the title is marked, the section changed before is not any more.
        chat.answer("标题改成2025年度");
        chat.awaitVersion(3);
        assertThat(chat.sectionText("title")).contains("2025");
        assertThat(chat.allInCard("title", "section-updated")).hasSize(1);
        assertThat(chat.allInCard(ref, "section-updated")).isEmpty();
    }
}
