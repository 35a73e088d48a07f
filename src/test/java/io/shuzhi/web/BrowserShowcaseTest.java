package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.HostSite;
import io.shuzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;

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
        var chat = ChatPage.of(browser).awaitFirstReply();
        for (String a : BrowserChatTest.ANSWERS) chat.answer(a);
        chat.awaitFollowing("in the showcase (phone)");
        browser.screenshot("docs-page-phone");
        chat.answer("生成草稿");
        chat.awaitDraft();
        if (!chat.byTestId("draft").isDisplayed()) chat.byTestId("tab-draft").click();
        browser.await("the draft tab", d -> chat.byTestId("draft").isDisplayed());
        browser.screenshot("docs-page-phone-draft");
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
