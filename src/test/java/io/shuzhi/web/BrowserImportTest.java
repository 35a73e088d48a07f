package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * Starting from last year's report (the sample, whose figures are blanked out as "**次"): the reply promises only the
 * markers the draft has, the questions after it use the report's own headings, and the note does not cover 发送.
 */
class BrowserImportTest extends IntegrationTest {
    private Browser browser;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void quit() {
        if (browser != null) browser.close();
    }

    static String sample() throws IOException {
        Path shared = Path.of("/work/shared/samples/party-branch-secretary-2022.txt");
        return Files.readString(Files.isRegularFile(shared) ? shared : Path.of("src/test/resources/samples/party-branch-secretary-2022.txt"));
    }

    @Test
    void importingTheSample_promisesTheMarkersTheDraftHas_asksInItsHeadings_andLeavesSendFree() throws IOException {
        browser = Browser.start(1440, 900).open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        var chat = ChatPage.of(browser).awaitFirstReply();
        int replies = chat.replies();
        chat.click(chat.byTestId("import-open"));
        browser.await("the import dialog", d -> chat.byTestId("import-text").isDisplayed());
        browser.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
                chat.byTestId("import-text"), sample());
        chat.click(chat.byTestId("import-submit"));
        browser.await("the imported draft", d -> chat.replies() > replies && !chat.all("[data-testid=draft] [data-ref=title]").isEmpty());
        String draft = chat.draftText();
        String reply = chat.texts("[data-testid=message-assistant]").get(chat.replies() - 1);

        // Every kind of marker the reply names is in the draft, as many times as it says.
        for (String marker : List.of("【去年", "【待补充")) {
            if (reply.contains(marker)) assertThat(draft).as("the draft has the promised " + marker).contains(marker);
        }
        assertThat(draft).as("a blanked figure keeps its unit").contains("【待补充】次");
        Matcher said = Pattern.compile("另有(\\d+)处在去年的稿子里是打码的").matcher(reply);
        assertThat(said.find()).as(reply).isTrue();
        long blanks = count(draft, "【待补充】");
        assertThat(Long.parseLong(said.group(1))).isEqualTo(blanks);
        if (!draft.contains("【去年")) assertThat(reply).doesNotContain("【去年");

        // The question after it speaks of the report's own section, not the kind's.
        assertThat(reply).contains("立足思想政治建设根本点");

        // The note about the import leaves the composer's 发送 free.
        WebElement toast = chat.byTestId("toast");
        browser.await("the note", d -> toast.isDisplayed());
        assertThat(overlaps(toast.getRect(), chat.byTestId("send").getRect())).as("the note covers 发送").isFalse();
        assertThat(overlaps(toast.getRect(), chat.byTestId("chat-input").getRect())).isFalse();
        browser.screenshot("24-import");
    }

    private static long count(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    private static boolean overlaps(Rectangle a, Rectangle b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }
}
