package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.HostSite;
import io.shuzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * widget.js on another site's page, in a real Chromium: the site is served from its own port under a host name of its
 * own ({@code embed-allowed.test} is in {@code shuzhi.web.allowed-origins}, {@code embed-blocked.test} is not; both
 * resolve to 127.0.0.1 inside the browser only: {@link Browser} maps them in every Chromium it starts).
 */
class WidgetEmbedTest extends IntegrationTest {
    private Browser browser;
    private HostSite site;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @BeforeEach
    void hostSite() {
        String server = "http://127.0.0.1:" + port;
        // The host's own CSS is hostile on purpose: none of it may reach the widget, and the widget's none of the host.
        site = new HostSite("""
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某单位门户网站</title>
                <style>
                  * { font-family: serif; }
                  body { margin: 0; padding: 24px 40px; color: #0a3d0a; background: #eef5ee; font-size: 20px; }
                  button { background: yellow !important; border: 5px solid blue !important; font-size: 30px; }
                  div { padding: 12px; }
                </style></head>
                <body><h1>某单位门户网站</h1><p>本页是一个嵌入述职助手的普通网页。</p>
                <button class="sz-btn" id="host-button">网站自己的按钮</button>
                <script src="%s/widget.js" data-server="%s" data-kind="party-branch-secretary"></script>
                </body></html>
                """.formatted(server, server));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        site.close();
    }

    private SearchContext openWidget(String host) {
        browser = Browser.start(1280, 860).open("http://" + host + ":" + site.port() + "/");
        WebElement launcher = browser.await("the widget's launcher, styled", d -> {
            var hosts = d.findElements(By.tagName("shuzhi-widget"));
            if (hosts.isEmpty()) return null;
            WebElement button = hosts.get(0).getShadowRoot().findElement(By.cssSelector("[data-testid=launcher]"));
            return button.isDisplayed() && "fixed".equals(button.getCssValue("position")) ? button : null;
        });
        browser.screenshot("06-widget-closed");
        launcher.click();
        return browser.driver().findElement(By.tagName("shuzhi-widget")).getShadowRoot();
    }

    @Test
    void onAnAllowedSite_theWidgetRunsTheChat_isolatedFromTheHostPage() {
        SearchContext shadow = openWidget("embed-allowed.test");
        var chat = new ChatPage(browser, shadow).awaitFirstReply();
        assertThat(chat.byTestId("kind-name").getDomProperty("textContent")).isEqualTo("党支部书记抓基层党建工作述职");

        // Styles stay on their own side of the shadow root.
        WebElement launcher = shadow.findElement(By.cssSelector("[data-testid=launcher]"));
        assertThat(launcher.getCssValue("background-color")).as("the host's button rule").isNotEqualTo("rgba(255, 255, 0, 1)");
        assertThat(launcher.getCssValue("border-top-width")).isEqualTo("0px");
        assertThat(chat.byTestId("send").getCssValue("border-top-width")).isEqualTo("1px");
        WebElement hostButton = browser.driver().findElement(By.id("host-button"));
        assertThat(hostButton.getCssValue("border-top-width")).isEqualTo("5px");
        assertThat(hostButton.getCssValue("border-top-left-radius")).isEqualTo("0px");

        chat.answer(BrowserChatTest.ANSWERS.get(0));
        chat.answer(BrowserChatTest.ANSWERS.get(1));
        browser.screenshot("07-widget-open");
        chat.answer("生成草稿");
        chat.awaitDraft();
        assertThat(chat.draftText()).contains("12次");
        // The panel is narrow: chat and draft are tabs there, and exports point at the Shuzhi server.
        assertThat(chat.byTestId("app").getAttribute("class")).contains("sz-narrow");
        chat.byTestId("tab-draft").click();
        String sessionId = browser.js("return localStorage.getItem('shuzhi.sessionId@http://127.0.0.1:' + arguments[0])", port);
        // The export asks the Shuzhi server for a sealed link (a CORS POST from this site) and downloads it.
        java.nio.file.Path downloads = java.nio.file.Path.of("target", "downloads", "widget-" + System.nanoTime());
        browser.downloadsTo(downloads);
        chat.click(chat.byTestId("export"));
        assertThat(chat.byTestId("download-docx").getDomAttribute("href")).doesNotContain(sessionId);
        chat.click(chat.byTestId("download-docx"));
        var docx = browser.awaitDownload(downloads, ".docx");
        assertThat(docx.getFileName().toString()).endsWith(".docx");
        browser.screenshot("08-widget-draft");

        // The section cards work inside the shadow root and the narrow panel: 改写 opens its panel, and Escape closes
        // that panel only, not the widget around it. 版本 shows the history in place of the draft.
        chat.click(chat.inCard("1.1", "card-refine"));
        browser.await("the refine panel", d -> chat.inCard("1.1", "refine-panel").isDisplayed());
        assertThat(chat.allInCard("1.1", "refine-option")).hasSize(4);
        browser.screenshot("08b-widget-card-refine");
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        browser.await("the refine panel to close", d -> chat.all("[data-testid=refine-panel]").isEmpty());
        assertThat(browser.driver().findElement(By.tagName("shuzhi-widget")).getDomAttribute("data-open")).isEqualTo("true");
        chat.click(chat.byTestId("versions"));
        browser.await("the version list", d -> chat.all("[data-testid=version-item]").size() == 1);
        assertThat(chat.byTestId("draft").isDisplayed()).isFalse();
        chat.click(chat.byTestId("versions-close"));
        browser.await("the draft again", d -> chat.byTestId("draft").isDisplayed());

        // Another page view of the site: the panel comes back open, on the same session.
        browser.driver().navigate().refresh();
        SearchContext again = browser.await("the widget after reload", d -> {
            var hosts = d.findElements(By.tagName("shuzhi-widget"));
            return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot();
        });
        var resumed = new ChatPage(browser, again);
        browser.await("the history after reload",
                d -> resumed.texts("[data-testid=message-user]").contains("生成草稿"));
        assertThat(resumed.draftText()).contains("12次");

        browser.resize(400, 800);
        browser.await("the full-screen panel", d -> again.findElement(By.cssSelector(".sz-w-panel")).getRect().getWidth() >= 390);
        resumed.byTestId("tab-chat").click();
        browser.screenshot("09-widget-narrow");
    }

    @Test
    void onASiteThatIsNotAllowed_theHandshakeIsRefused_andTheWidgetSaysSo() {
        SearchContext shadow = openWidget("embed-blocked.test");
        var chat = new ChatPage(browser, shadow);
        WebElement refused = browser.await("the refusal", d -> {
            WebElement b = chat.byTestId("banner-refused");
            return b.isDisplayed() ? b : null;
        });
        assertThat(refused.getText()).contains("拒绝").contains("http://embed-blocked.test:" + site.port())
                .contains("允许列表");
        assertThat(chat.byTestId("banner-disconnected").isDisplayed()).isFalse();
        assertThat(chat.replies()).isZero();
        assertThat(chat.byTestId("send").isEnabled()).isFalse();
        browser.screenshot("10-widget-refused");
    }
}
