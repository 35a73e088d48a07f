package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The facts panel in headless Chromium: this year's figure beside last year's, and a difference marked 推算. */
class BrowserYearOnYearTest extends IntegrationTest {
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
    void factsPanel_showsLastYearBesideThisYear_andMarksTheWorkedOutDifference() throws Exception {
        browser = Browser.start(1280, 900).open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        var chat = ChatPage.of(browser).awaitFirstReply();
        chat.click(chat.byTestId("import-open"));
        WebElement text = browser.await("the import dialog", d -> {
            WebElement t = chat.byTestId("import-text");
            return t.isDisplayed() ? t : null;
        });
        String lastYear = Files.readString(Path.of("src/test/resources/import/branch-2025.txt"));
        browser.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", text, lastYear);
        int before = chat.replies();
        chat.click(chat.byTestId("import-submit"));
        browser.await("the imported draft", d -> chat.all("[data-testid=section-card]").size() > 5);
        browser.await("the reply to the import", d -> chat.replies() > before);

        assertThat(chat.answer("落实了，全年开了4次读书分享会")).contains("记为已落实");
        chat.answer("今年支部集中学习15次，专题研讨6次");
        chat.click(chat.find("[data-testid=facts] summary"));
        WebElement pair = browser.await("this year's figure beside last year's",
                d -> chat.all("[data-testid=fact-year-on-year]").isEmpty() ? null : chat.all("[data-testid=fact-year-on-year]").get(0));
        assertThat(pair.getText()).isEqualTo("集中学习：去年12次 → 今年15次");

        assertThat(chat.answer("把和去年的对比写上")).contains("比上年增加3次");
        WebElement derived = browser.await("the worked-out difference", d -> chat.all("[data-testid=fact]").stream()
                .filter(f -> !f.findElements(By.cssSelector("[data-testid=fact-derived]")).isEmpty()).findFirst().orElse(null));
        assertThat(derived.getText()).contains("推算").contains("集中学习比上年增加3次");
        browser.screenshot("20-facts-year-on-year");
    }
}
