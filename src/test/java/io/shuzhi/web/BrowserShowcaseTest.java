package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.HostSite;
import io.shuzhi.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * The screenshots in docs/ (page-desktop, page-phone, widget): a whole conversation ending in a draft with one
 * refine, on a desktop, on a phone and in the widget. Each also checks the state it shows, so a picture of a broken
 * page fails here instead of landing in the docs.
 */
class BrowserShowcaseTest extends IntegrationTest {
    private Browser browser;
    private HostSite site;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void quit() {
        if (browser != null) browser.close();
        if (site != null) site.close();
    }

    @Test
    void desktop_afterAWholeConversationAndARefine() {
        browser = Browser.start(1440, 900).open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        var chat = ChatPage.of(browser).drafted(BrowserChatTest.ANSWERS);
        chat.answer("第一部分第一节再具体些");
        chat.answer("标题改成2025年度");
        browser.await("a later version", d -> !chat.all("[data-testid=section-updated]").isEmpty());
        chat.awaitFollowing("in the showcase (desktop)");
        browser.screenshot("docs-page-desktop");
        assertThat(chat.draftText()).contains("12次");
    }

    @Test
    void phone_chatAfterAWholeConversation() {
        browser = Browser.start(390, 844).open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        assertThat(browser.<Number>js("return window.innerWidth").intValue()).as("the page's CSS width").isEqualTo(390);
        var chat = ChatPage.of(browser).awaitFirstReply();
        for (String a : BrowserChatTest.ANSWERS) chat.answer(a);
        chat.awaitFollowing("in the showcase (phone)");
        // 修改 beside the writer's last message: once squeezed by the bubble to one character a line (修 / 改).
        var edit = chat.all("[data-testid=message-edit]:not([hidden])");
        assertThat(edit).as("修改 on the writer's last message").hasSize(1);
        assertThat(labelLines(edit.get(0))).as("lines of the 修改 label").isEqualTo(1);
        assertThat(wrappedLabels()).as("buttons whose label wraps (chat, 390 px)").isEmpty();
        browser.screenshot("docs-page-phone");
        chat.answer("生成草稿");
        chat.awaitDraft();
        if (!chat.byTestId("draft").isDisplayed()) chat.byTestId("tab-draft").click();
        browser.await("the draft tab", d -> chat.byTestId("draft").isDisplayed());
        chat.awaitVersion(1);
        browser.await("the progress bar to go", d -> !chat.byTestId("progress").isDisplayed());
        assertThat(wrappedLabels()).as("buttons whose label wraps (draft, 390 px)").isEmpty();
        // The toolbar on two rows: 草稿 and 重新生成, then the other buttons (not a third row for one button).
        List<Number> rows = browser.js("""
                var tops = Array.from(document.querySelectorAll('.sz-toolbar button, .sz-toolbar h2'))
                  .filter(function (e) { return e.offsetParent; })
                  .map(function (e) { var r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); });
                return tops.filter(function (t, i) { return tops.every(function (u, j) { return j >= i || Math.abs(u - t) > 4; }); });""");
        assertThat(rows).as("the phone toolbar's rows (centres)").hasSize(2);
        assertThat(browser.<Number>js("return document.documentElement.scrollWidth").intValue())
                .as("the page's width (no sideways scrolling)").isEqualTo(390);
        browser.screenshot("docs-page-phone-draft");
    }

    /**
     * How many lines an element's label takes: its text's line boxes, or for a label drawn by CSS (修改 is an
     * ::after), its content height over its line height.
     */
    private static final String LABEL_LINES = """
            function labelLines(e) {
              var cs = getComputedStyle(e), rects = [];
              var walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
              for (var n; (n = walk.nextNode());) {
                if (!n.textContent.trim()) continue;
                var range = document.createRange(); range.selectNodeContents(n);
                Array.from(range.getClientRects()).forEach(function (r) { if (r.width > 0) rects.push(r); });
              }
              if (!rects.length) {
                var h = e.getBoundingClientRect().height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)
                  - parseFloat(cs.borderTopWidth) - parseFloat(cs.borderBottomWidth);
                return Math.max(1, Math.round(h / parseFloat(cs.lineHeight)));
              }
              rects.sort(function (a, b) { return a.top - b.top; });
              var lines = 0, bottom = -1e9;
              rects.forEach(function (r) { if (r.top >= bottom - 2) { lines++; bottom = r.bottom; } else bottom = Math.max(bottom, r.bottom); });
              return lines;
            }
            """;

    private int labelLines(WebElement e) {
        return browser.<Number>js(LABEL_LINES + "return labelLines(arguments[0]);", e).intValue();
    }

    /** The visible buttons (but the kind cards: a name over a description) whose label takes more than one line. */
    private List<String> wrappedLabels() {
        return browser.js(LABEL_LINES + """
                return Array.from(document.querySelectorAll('button:not(.sz-kind-card), [role=tab], [role=menuitem]'))
                  .filter(function (e) { return e.offsetParent && e.getBoundingClientRect().width > 0 && labelLines(e) > 1; })
                  .map(function (e) { return (e.getAttribute('data-testid') || e.className) + ': ' + e.textContent.trim(); });""");
    }

    @Test
    void widget_onAHostPage() {
        String server = "http://127.0.0.1:" + port;
        site = new HostSite("""
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某单位门户网站</title></head>
                <body style="margin:0;padding:24px 40px;font-family:serif;background:#f4f6f8">
                <h1>某单位门户网站</h1><p>本页是一个嵌入述职助手的普通网页。</p>
                <script src="%s/widget.js" data-server="%s" data-kind="party-branch-secretary"></script>
                </body></html>
                """.formatted(server, server));
        browser = Browser.start(1280, 860)
                .open("http://embed-allowed.test:" + site.port() + "/");
        browser.await("the launcher", d -> {
            var hosts = d.findElements(By.tagName("shuzhi-widget"));
            return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot().findElement(By.cssSelector("[data-testid=launcher]"));
        }).click();
        SearchContext shadow = browser.driver().findElement(By.tagName("shuzhi-widget")).getShadowRoot();
        var chat = new ChatPage(browser, shadow).awaitFirstReply();
        chat.answer(BrowserChatTest.ANSWERS.get(0));
        chat.answer(BrowserChatTest.ANSWERS.get(1));
        chat.awaitFollowing("in the showcase (widget)");
        browser.screenshot("docs-widget");
    }
}
