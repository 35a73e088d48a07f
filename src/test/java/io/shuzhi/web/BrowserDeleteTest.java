package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 删除本次会话及草稿 on the page: a confirmation, then nothing of the session is left and the page starts afresh. */
class BrowserDeleteTest extends IntegrationTest {
    private Browser browser;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void quit() {
        if (browser != null) browser.close();
    }

    private String sessionId() {
        return browser.js("return localStorage.getItem('shuzhi.sessionId')");
    }

    @Test
    void deleteAsksFirst_thenRemovesTheSessionAndStartsFresh() {
        browser = Browser.start(1280, 900).open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        var chat = ChatPage.of(browser);
        chat.awaitFirstReply();
        chat.answer(BrowserChatTest.ANSWERS.get(0));
        chat.answer(BrowserChatTest.ANSWERS.get(1));
        String id = browser.await("the session id", d -> sessionId());
        assertThat(redis.keys("shuzhi:{" + id + "}:*")).isNotEmpty();

        // Cancelled: nothing happens.
        chat.click(chat.byTestId("delete-session"));
        var alert = browser.await("the confirmation", d -> d.switchTo().alert());
        assertThat(alert.getText()).contains("删除本次会话及草稿").contains("无法恢复");
        alert.dismiss();
        assertThat(redis.keys("shuzhi:{" + id + "}:*")).isNotEmpty();
        assertThat(sessionId()).isEqualTo(id);

        chat.click(chat.byTestId("delete-session"));
        browser.await("the confirmation", d -> d.switchTo().alert()).accept();
        browser.await("the deleted notice", d -> chat.byTestId("toast").getDomProperty("textContent").contains("已删除"));
        browser.await("a new session", d -> sessionId() != null && !sessionId().equals(id));
        assertThat(redis.keys("shuzhi:{" + id + "}:*")).isEmpty();
        browser.await("the new greeting only", d -> chat.replies() == 1);
        assertThat(chat.all("[data-testid=messages] .sz-msg-user")).isEmpty();
    }
}
