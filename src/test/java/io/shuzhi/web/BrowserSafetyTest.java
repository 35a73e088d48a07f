package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.Browser;
import io.shuzhi.support.ChatPage;
import io.shuzhi.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** What must never go wrong in the page: an IME's Enter, markup in a message, and the copy that goes into Word. */
class BrowserSafetyTest extends IntegrationTest {
    private Browser browser;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void quit() {
        try {
            // The page never trips its own Content-Security-Policy (inline style, eval, a foreign connection …).
            if (browser != null) assertThat(browser.<List<Object>>js("return window.__csp")).isEmpty();
        } finally {
            if (browser != null) browser.close();
        }
    }

    private ChatPage start() {
        browser = Browser.start(1280, 860);
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__csp = [];
                document.addEventListener('securitypolicyviolation',
                    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
                """));
        browser.open("http://127.0.0.1:" + port + "/?kind=party-branch-secretary");
        return ChatPage.of(browser).awaitFirstReply();
    }

    @Test
    void enterWhileAnImeIsComposing_doesNotSend() {
        var chat = start();
        WebElement input = chat.byTestId("chat-input");
        input.sendKeys("研讨12次");

        // As a Chinese IME does: the Enter that picks a candidate arrives while composing (isComposing, keyCode 229).
        List<Object> during = browser.js("""
                const ta = arguments[0];
                ta.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
                const picking = new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', keyCode: 229, which: 229,
                    isComposing: true, bubbles: true, cancelable: true});
                ta.dispatchEvent(picking);
                // Some browsers report the candidate Enter without the flags; the composition is still open.
                const plain = new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true,
                    cancelable: true});
                ta.dispatchEvent(plain);
                return [ta.value, document.querySelectorAll('[data-testid=message-user]').length,
                    picking.defaultPrevented, plain.defaultPrevented];
                """, input);
        assertThat(during).containsExactly("研讨12次", 0L, false, false);

        // A real composition through the browser's own IME path (CDP), then Enter: still not sent.
        browser.cdp("Input.imeSetComposition", Map.of("text", "shu", "selectionStart", 3, "selectionEnd", 3));
        browser.cdp("Input.dispatchKeyEvent", Map.of("type", "rawKeyDown", "key", "Enter", "code", "Enter",
                "windowsVirtualKeyCode", 229, "nativeVirtualKeyCode", 229));
        browser.cdp("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", "Enter", "code", "Enter",
                "windowsVirtualKeyCode", 229, "nativeVirtualKeyCode", 229));
        browser.cdp("Input.insertText", Map.of("text", "述职"));
        assertThat(chat.all("[data-testid=message-user]")).isEmpty();

        browser.js("arguments[0].dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: ''}))", input);
        browser.await("the composition to end", d -> Boolean.FALSE.equals(
                browser.js("return document.getElementById('shuzhi-root').shuzhi.state.composing")));
        String typed = input.getDomProperty("value");
        assertThat(typed).startsWith("研讨12次").endsWith("述职");

        // Once the composition is over, Enter sends what was typed, once.
        input.sendKeys(Keys.ENTER);
        browser.await("the message to be sent", d -> chat.all("[data-testid=message-user]").size() == 1);
        assertThat(chat.texts("[data-testid=message-user]")).containsExactly(typed);
        assertThat(input.getDomProperty("value")).isEmpty();
    }

    @Test
    void markupInAMessage_staysText_andNeverRuns() {
        var chat = start();
        String payload = "<img src=x onerror=\"window.__xss=1\"> 我们开展研讨交流<b>12次</b><script>window.__xss=2</script>";
        chat.answer(BrowserChatTest.ANSWERS.get(0));
        chat.answer(payload);
        chat.answer("生成草稿");
        chat.awaitDraft();

        assertThat(chat.texts("[data-testid=message-user]")).contains(payload);
        assertThat(browser.<Object>js("return window.__xss")).isNull();
        assertThat(browser.<Long>js("return document.querySelectorAll("
                + "'[data-testid=messages] img, [data-testid=messages] script, [data-testid=messages] b,"
                + " [data-testid=facts] img, [data-testid=draft] img, [data-testid=draft] script').length"))
                .isZero();
    }

    @Test
    void copy_putsTheDraftOnTheClipboard_asHtmlWithGongwenStyles_andAsText() {
        var chat = start();
        chat.answer(BrowserChatTest.ANSWERS.get(0));
        chat.answer(BrowserChatTest.ANSWERS.get(1));
        chat.answer("生成草稿");
        List<String> sections = chat.awaitDraft();

        browser.cdp("Browser.grantPermissions", Map.of("origin", "http://127.0.0.1:" + port,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        chat.byTestId("copy").click();
        browser.await("the copy confirmation", d -> chat.byTestId("copy-status").getText().equals("已复制到剪贴板"));

        Map<String, String> clip = browser.jsAsync("""
                const done = arguments[arguments.length - 1];
                navigator.clipboard.read().then(async items => {
                  const out = {};
                  for (const item of items) for (const type of item.types) out[type] = await (await item.getType(type)).text();
                  done(out);
                }, e => done({error: String(e)}));
                """);
        assertThat(clip).doesNotContainKey("error").containsKeys("text/html", "text/plain");
        String html = clip.get("text/html");
        assertThat(html).contains(sections.get(0).strip()).contains("一、履职情况及成效").contains("12次")
                .contains("text-indent:2em").contains("仿宋").contains("黑体").contains("楷体");
        // The hints Word and WPS read on paste (docs/export.md): the Chinese face of each part, a fixed line height.
        assertThat(html).contains("mso-fareast-font-family:&quot;仿宋_GB2312&quot;")
                .contains("mso-fareast-font-family:&quot;黑体&quot;").contains("mso-fareast-font-family:&quot;楷体_GB2312&quot;")
                .contains("mso-fareast-font-family:&quot;方正小标宋简体&quot;").contains("mso-line-height-rule:exactly");
        assertThat(clip.get("text/plain")).contains(sections.get(0).strip()).contains("现将有关情况报告如下：")
                .doesNotContain("<");
    }
}
