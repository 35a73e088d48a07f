package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server goes away mid-interview and comes back: the page says it is disconnected, reconnects by itself with
 * back-off, and the conversation goes on where it was. A TCP proxy between Chromium and the app plays the server
 * stopping (connections drop, the port refuses) and starting again on the same address.
 */
class BrowserReconnectTest extends IntegrationTest {
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
    void serverStopsMidInterview_pageShowsTheBanner_thenReconnectsAndResumes() {
        try (var proxy = new TcpProxy(port)) {
            browser = Browser.start(1280, 860)
                    .open("http://127.0.0.1:" + proxy.port() + "/?kind=party-branch-secretary");
            var chat = ChatPage.of(browser).awaitFirstReply();
            double firstReply = browser.<Number>js(
                    "return performance.getEntriesByName('shuzhi-first-reply')[0].startTime").doubleValue();
            System.out.printf("MEASURE (warm server) page load → first assistant message: %.0f ms%n", firstReply);
            chat.answer(BrowserChatTest.ANSWERS.get(0));
            String sessionId = browser.js("return localStorage.getItem('shuzhi.sessionId')");
            int assistantBefore = chat.all("[data-testid=message-assistant]").size();

            proxy.cut();
            browser.await("the disconnected banner", d -> chat.byTestId("banner-disconnected").isDisplayed());
            assertThat(chat.byTestId("banner-disconnected").getText()).contains("连接已断开");
            chat.byTestId("chat-input").sendKeys("断线时输入的字");
            // Sending is possible offline: the message waits and goes out once (BrowserControlsTest); not sent here.
            assertThat(chat.byTestId("send").isEnabled()).as("send while disconnected").isTrue();
            browser.screenshot("06-disconnected");
            chat.byTestId("chat-input").clear();

            proxy.restore();
            browser.await("the page to reconnect", d -> !chat.byTestId("banner-disconnected").isDisplayed());
            chat.awaitConnected();

            // Same session, nothing lost or doubled, and the interview goes on.
            assertThat(browser.<String>js("return localStorage.getItem('shuzhi.sessionId')")).isEqualTo(sessionId);
            assertThat(chat.all("[data-testid=message-assistant]")).hasSize(assistantBefore);
            String reply = chat.answer(BrowserChatTest.ANSWERS.get(1));
            assertThat(reply).as("replies: %s", chat.texts("[data-testid=message-assistant]"))
                    .contains("12次").contains("45册");
            assertThat(chat.texts("[data-testid=message-user]"))
                    .containsExactly(BrowserChatTest.ANSWERS.get(0), BrowserChatTest.ANSWERS.get(1));
        }
    }
}
