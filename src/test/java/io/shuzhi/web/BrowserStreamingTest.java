package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The frames a streaming model engine sends ({@code usage}, {@code draft_section}, {@code draft_delta}) as the page
 * shows them. The shared test context runs the offline engine, which never sends them, so the test hands them to the
 * page's real socket as message events (the page cannot tell them from the server's); everything else is real.
 */
class BrowserStreamingTest extends IntegrationTest {
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
    void streamedDraft_growsSectionBySection_andTheWholeDraftReplacesIt_withTokensInTheHeader() {
        browser = Browser.start(1280, 860);
        // Keep a handle on the page's sockets, before any page script runs.
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                  const Real = window.WebSocket;
                  window.__sockets = [];
                  window.WebSocket = function (url, protocols) {
                    const ws = protocols === undefined ? new Real(url) : new Real(url, protocols);
                    window.__sockets.push(ws);
                    return ws;
                  };
                  window.WebSocket.prototype = Real.prototype;
                  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
                })();
                """));
        browser.open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        var chat = ChatPage.of(browser).awaitFirstReply();
        assertThat(chat.byTestId("usage").isDisplayed()).as("no tokens in offline mode").isFalse();

        send("{type:'usage', tokensIn: 1234, tokensOut: 567}");
        assertThat(chat.byTestId("usage").getText()).isEqualTo("1.8k tokens");
        assertThat(chat.byTestId("usage").getDomAttribute("title")).contains("输入 1,234").contains("输出 567");

        send("{type:'draft_section', ref:'title', level:0, heading:'某单位2025年度述职报告', body:'', step:1, total:4}");
        send("{type:'draft_delta', ref:'opening', text:'2025年，在上级党组织的'}");
        send("{type:'draft_delta', ref:'opening', text:'领导下，现将有关情况报告如下：'}");
        send("{type:'draft_delta', ref:'1.1', text:'一是组织集中学习<img src=x onerror=\"window.__xss=1\">12次。'}");
        send("{type:'draft_section', ref:'1', level:1, heading:'一、履职情况及成效', body:'', step:2, total:4}");
        browser.await("the live draft", d -> chat.all("[data-testid=draft].sz-live [data-testid=draft-section]").size() == 4);
        // Sections stand in reading order whatever order they arrive in; the one being written carries the caret.
        assertThat(chat.all("[data-testid=draft-section]").stream().map(e -> e.getDomAttribute("data-ref")))
                .containsExactly("title", "opening", "1", "1.1");
        assertThat(chat.find("[data-ref=opening]").getDomProperty("textContent")).isEqualTo("2025年，在上级党组织的领导下，现将有关情况报告如下：");
        assertThat(chat.find("[data-ref='1.1']").getDomAttribute("class")).contains("sz-writing");
        assertThat(chat.find("[data-ref='1.1']").getDomProperty("textContent")).contains("<img src=x");
        assertThat(browser.<Object>js("return window.__xss")).isNull();
        assertThat(chat.byTestId("draft-version").getText()).isEqualTo("撰写中…");
        assertThat(chat.byTestId("progress-label").getText()).contains("（2/4）");
        browser.screenshot("11-streaming-draft");

        send("{type:'draft', version: 3, title:'某单位2025年度述职报告', text:'…', sections:["
                + "{ref:'title', level:0, heading:'某单位2025年度述职报告', body:''},"
                + "{ref:'opening', level:1, heading:'', body:'2025年，现将有关情况报告如下：'},"
                + "{ref:'1', level:1, heading:'一、履职情况及成效', body:''},"
                + "{ref:'1.1', level:2, heading:'（一）抓理论学习', body:'一是组织集中学习12次。'}]}");
        browser.await("the whole draft", d -> chat.all("[data-testid=draft].sz-live").isEmpty());
        assertThat(chat.all(".sz-writing")).isEmpty();
        assertThat(chat.byTestId("draft-version").getText()).isEqualTo("第 3 版");
        assertThat(chat.find("[data-ref='1.1']").getDomProperty("textContent")).isEqualTo("（一）抓理论学习。一是组织集中学习12次。");
    }

    /** Hands one frame (a JS object literal) to the page as if the server had sent it, with the next seq. */
    private void send(String frame) {
        browser.js("""
                const state = document.getElementById('shuzhi-root').shuzhi.state;
                const f = (%s);
                f.seq = state.lastSeq + 1;
                const ws = window.__sockets[window.__sockets.length - 1];
                ws.dispatchEvent(new MessageEvent('message', {data: JSON.stringify(f)}));
                """.formatted(frame));
    }
}
