package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.HostSite;
import io.shuzhi.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;

/**
 * The chat follows the conversation as chat products do: after a reply, a reload and a resume in another browser the
 * newest message is in view (within 8 px of the bottom), on a desktop, a phone and in the widget.
 */
class BrowserScrollTest extends IntegrationTest {
    /** Enough answers to fill more than a screen on a desktop. */
    static final List<String> LONG_TALK;

    static {
        var talk = new ArrayList<>(BrowserChatTest.ANSWERS);
        talk.add("今年开展主题党日活动12次，参加党员共计300人次，组织党员到红色教育基地开展现场教学2次。");
        talk.add("支部委员会会议召开12次，支部党员大会召开4次，组织生活会召开1次，民主评议党员1次，评出优秀党员5名。");
        talk.add("组织党员志愿服务队开展义诊活动8次，服务群众1200人次，收到锦旗3面。");
        LONG_TALK = List.copyOf(talk);
    }

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

    private String page() {
        return "http://127.0.0.1:" + port + "/?kind=party-branch-secretary";
    }

    /** Answers until the chat holds more than a screen, checking after each reply from then on. */
    private void talkAndFollow(ChatPage chat, String where) {
        int checked = 0;
        for (String answer : LONG_TALK) {
            chat.answer(answer);
            if (chat.chatOverflows()) {
                chat.awaitFollowing("after a reply (" + where + ")");
                checked++;
            }
        }
        assertThat(checked).as("replies checked once the chat overflowed").isGreaterThanOrEqualTo(2);
    }

    @Test
    void onADesktop_theNewestReplyIsInView_afterEachReply_aReload_andAResumeInAnotherBrowser() {
        browser = Browser.start(1440, 900).open(page());
        var chat = ChatPage.of(browser).awaitFirstReply();
        talkAndFollow(chat, "1440×900");
        String sessionId = browser.js("return localStorage.getItem('shuzhi.sessionId')");
        int messages = chat.all("[data-testid^=message-]").size();

        browser.driver().navigate().refresh();
        var again = ChatPage.of(browser);
        browser.await("the history after reload", d -> again.all("[data-testid^=message-]").size() == messages);
        again.awaitFollowing("after a reload (1440×900)");
        browser.close();

        // Another browser that knows the session (the writer's other computer, or a fresh profile).
        browser = Browser.start(1440, 900).open("http://127.0.0.1:" + port + "/");
        browser.js("localStorage.setItem('shuzhi.sessionId', arguments[0])", sessionId);
        browser.driver().navigate().refresh();
        var resumed = ChatPage.of(browser);
        browser.await("the history in another browser", d -> resumed.all("[data-testid^=message-]").size() == messages);
        resumed.awaitFollowing("after a resume in another browser (1440×900)");
    }

    @Test
    void onAPhone_theNewestReplyIsInView_afterEachReply_andAReload() {
        browser = Browser.start(390, 844).open(page());
        var chat = ChatPage.of(browser).awaitFirstReply();
        browser.await("the narrow layout", d -> chat.byTestId("app").getAttribute("class").contains("sz-narrow"));
        talkAndFollow(chat, "390×844");
        int messages = chat.all("[data-testid^=message-]").size();
        browser.driver().navigate().refresh();
        var again = ChatPage.of(browser);
        browser.await("the history after reload", d -> again.all("[data-testid^=message-]").size() == messages);
        again.awaitFollowing("after a reload (390×844)");
        // Back from the draft tab, the chat is where it was: at the newest message.
        again.byTestId("tab-draft").click();
        again.byTestId("tab-chat").click();
        again.awaitFollowing("back on the chat tab (390×844)");
    }

    @Test
    void inTheWidget_theNewestReplyIsInView_afterEachReply_andOnTheSitesNextPage() {
        String server = "http://127.0.0.1:" + port;
        site = new HostSite("""
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某单位门户网站</title></head>
                <body><h1>某单位门户网站</h1>
                <script src="%s/widget.js" data-server="%s" data-kind="party-branch-secretary"></script>
                </body></html>
                """.formatted(server, server));
        browser = Browser.start(1440, 900)
                .open("http://embed-allowed.test:" + site.port() + "/");
        browser.await("the launcher", d -> {
            var hosts = d.findElements(By.tagName("shuzhi-widget"));
            return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot().findElement(By.cssSelector("[data-testid=launcher]"));
        }).click();
        SearchContext shadow = browser.driver().findElement(By.tagName("shuzhi-widget")).getShadowRoot();
        var chat = new ChatPage(browser, shadow).awaitFirstReply();
        talkAndFollow(chat, "widget");
        int messages = chat.all("[data-testid^=message-]").size();

        browser.driver().navigate().refresh();
        SearchContext again = browser.await("the widget after reload", d -> {
            var hosts = d.findElements(By.tagName("shuzhi-widget"));
            return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot();
        });
        var resumed = new ChatPage(browser, again);
        browser.await("the history after reload", d -> resumed.all("[data-testid^=message-]").size() == messages);
        resumed.awaitFollowing("on the site's next page (widget)");
    }
}
