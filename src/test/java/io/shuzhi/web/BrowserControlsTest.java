package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.TcpProxy;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The chat controls writers know from chat products: offline sending, edit and resend, a one-row toolbar. */
class BrowserControlsTest extends IntegrationTest {
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
    void aMessageTypedWhileOffline_isSentOnceWhenTheConnectionIsBack() {
        try (var proxy = new TcpProxy(port)) {
            browser = Browser.start(1440, 900).open("http://127.0.0.1:" + proxy.port() + "/?kind=party-branch-secretary");
            var chat = ChatPage.of(browser).awaitFirstReply();
            chat.answer(BrowserChatTest.ANSWERS.get(0));
            int replies = chat.replies();

            proxy.cut();
            browser.await("the disconnected banner", d -> chat.byTestId("banner-disconnected").isDisplayed());
            WebElement input = chat.byTestId("chat-input");
            input.sendKeys(BrowserChatTest.ANSWERS.get(1));
            assertThat(chat.byTestId("send").isEnabled()).as("send while offline").isTrue();
            input.sendKeys(Keys.ENTER);
            assertThat(input.getDomProperty("value")).isEmpty();
            assertThat(chat.all("[data-testid=message-user].sz-pending")).as("waiting to be sent").hasSize(1);
            browser.screenshot("21-offline-queued");

            proxy.restore();
            browser.await("the reply to the queued message", d -> chat.replies() > replies);
            assertThat(chat.all("[data-testid=message-assistant]").get(chat.replies() - 1).getDomProperty("textContent"))
                    .contains("12次");
            assertThat(chat.texts("[data-testid=message-user]"))
                    .containsExactly(BrowserChatTest.ANSWERS.get(0), BrowserChatTest.ANSWERS.get(1));

            // The server took it once: a reload shows it once, with one reply.
            browser.driver().navigate().refresh();
            var again = ChatPage.of(browser);
            browser.await("the history", d -> again.texts("[data-testid=message-user]").size() >= 2);
            assertThat(again.texts("[data-testid=message-user]"))
                    .containsExactly(BrowserChatTest.ANSWERS.get(0), BrowserChatTest.ANSWERS.get(1));
            assertThat(again.replies()).isEqualTo(replies + 1);
        }
    }

    @Test
    void theLastMessage_canBeCorrectedAndSentAgain_replacingItAndItsFacts() {
        browser = Browser.start(1440, 900).open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        var chat = ChatPage.of(browser).awaitFirstReply();
        chat.answer(BrowserChatTest.ANSWERS.get(0));
        chat.answer("今年组织集中学习研讨12次。");
        List<WebElement> edits = chat.all("[data-testid=message-edit]");
        assertThat(edits.stream().filter(WebElement::isDisplayed)).as("修改 on the last message only").hasSize(1);
        chat.click(chat.all("[data-testid=message-user]").get(1).findElement(org.openqa.selenium.By.cssSelector("[data-testid=message-edit]")));
        WebElement input = chat.byTestId("chat-input");
        assertThat(input.getDomProperty("value")).isEqualTo("今年组织集中学习研讨12次。");
        assertThat(chat.byTestId("editing").isDisplayed()).isTrue();
        input.clear();
        input.sendKeys("今年组织集中学习研讨15次。");
        input.sendKeys(Keys.ENTER);
        // The corrected message takes the old one's place, and its reply the old reply's.
        browser.await("the reply to the corrected message", d -> chat.replies() >= 3 && chat.all(
                "[data-testid=message-assistant]:not(.sz-streaming)").get(chat.replies() - 1).getDomProperty("textContent").contains("15次"));
        assertThat(chat.texts("[data-testid=message-user]"))
                .containsExactly(BrowserChatTest.ANSWERS.get(0), "今年组织集中学习研讨15次。");
        chat.click(chat.find("[data-testid=facts] summary"));
        browser.await("the facts", d -> !chat.all("[data-testid=fact]").isEmpty());
        String facts = String.join("|", chat.texts("[data-testid=fact]"));
        assertThat(facts).contains("15次").doesNotContain("12次");

        // Another page load shows the corrected conversation.
        browser.driver().navigate().refresh();
        var again = ChatPage.of(browser);
        browser.await("the history", d -> again.texts("[data-testid=message-user]").size() == 2);
        assertThat(again.texts("[data-testid=message-user]"))
                .containsExactly(BrowserChatTest.ANSWERS.get(0), "今年组织集中学习研讨15次。");
        assertThat(String.join("", again.texts("[data-testid=message-assistant]"))).doesNotContain("12次");
    }

    @Test
    void atADesktopWidth_theDraftToolbarIsOneRow() {
        browser = Browser.start(1440, 900).open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        var chat = ChatPage.of(browser).drafted(BrowserChatTest.ANSWERS);
        List<Number> tops = browser.js("""
                return Array.from(document.querySelectorAll('.sz-toolbar button, .sz-toolbar h2'))
                  .filter(function (e) { return e.offsetParent; })
                  .map(function (e) { var r = e.getBoundingClientRect(); return r.top + r.height / 2; });""");
        double min = tops.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
        double max = tops.stream().mapToDouble(Number::doubleValue).max().orElseThrow();
        System.out.printf("MEASURE toolbar at 1440 px: %d controls, centres %.0f–%.0f px%n", tops.size(), min, max);
        assertThat(tops.size()).isGreaterThanOrEqualTo(8);
        assertThat(max - min).as("the toolbar's controls on one row").isLessThan(4);
        browser.screenshot("22-toolbar-1440");
    }

    @Test
    void whileADraftIsWritten_theGenerateButtonStopsIt() {
        browser = Browser.start(1440, 900);
        // Keep the page's sockets and what it sends, before any page script runs.
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                (() => {
                  const Real = window.WebSocket;
                  window.__sockets = []; window.__sent = [];
                  window.WebSocket = function (url) {
                    const ws = new Real(url);
                    const send = ws.send.bind(ws);
                    ws.send = (data) => { window.__sent.push(data); send(data); };
                    window.__sockets.push(ws);
                    return ws;
                  };
                  window.WebSocket.prototype = Real.prototype;
                  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
                })();
                """));
        browser.open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        var chat = ChatPage.of(browser).awaitFirstReply();
        chat.answer(BrowserChatTest.ANSWERS.get(0));
        chat.answer(BrowserChatTest.ANSWERS.get(1));
        // A model writing the draft: section 1 of 6 is done.
        receive("{type:'progress', step:1, total:6, label:'标题'}");
        WebElement button = chat.byTestId("generate");
        browser.await("the stop button", d -> button.getText().equals("停止生成") && button.isEnabled());
        browser.screenshot("23-stop-while-drafting");
        button.click();
        browser.await("the stop frame sent", d -> browser.<Boolean>js(
                "return window.__sent.some(function (s) { return JSON.parse(s).type === 'stop'; })"));
        receive("{type:'error', code:'STOPPED', message:'已停止生成，草稿仍是原来的版本。', retryable:false, replyTo:null}");
        browser.await("the stop confirmed", d -> !chat.byTestId("progress").isDisplayed()
                && chat.byTestId("generate").getText().equals("生成草稿"));
        assertThat(chat.texts("[data-testid=notice]")).anyMatch(t -> t.contains("已停止生成"));
        assertThat(chat.all("[data-testid=message-error]")).as("a stop is not an error").isEmpty();
    }

    /** Hands one frame (a JS object literal) to the page as if the server had sent it, with the next seq. */
    private void receive(String frame) {
        browser.js("""
                const state = document.getElementById('shuzhi-root').shuzhi.state;
                const f = (%s);
                if (f.type !== 'error') f.seq = state.lastSeq + 1;
                const ws = window.__sockets[window.__sockets.length - 1];
                ws.dispatchEvent(new MessageEvent('message', {data: JSON.stringify(f)}));
                """.formatted(frame));
    }
}
