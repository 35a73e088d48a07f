package io.shuzhi.support;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/** The chat app as a writer sees it, on Shuzhi's page or inside the widget's shadow root. */
public final class ChatPage {
    private static final String DONE_REPLY = "[data-testid=message-assistant]:not(.sz-streaming)";

    private final Browser browser;
    private final SearchContext in;

    public ChatPage(Browser browser, SearchContext in) {
        this.browser = browser;
        this.in = in;
    }

    public static ChatPage of(Browser browser) {
        return new ChatPage(browser, browser.driver());
    }

    public WebElement find(String css) {
        return in.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return in.findElements(By.cssSelector(css));
    }

    public WebElement byTestId(String id) {
        return find("[data-testid=" + id + "]");
    }

    public int replies() {
        return all(DONE_REPLY).size();
    }

    public List<String> texts(String css) {
        return all(css).stream().map(e -> e.getDomProperty("textContent")).toList();
    }

    /** Waits for the greeting (or any first finished reply). */
    public ChatPage awaitFirstReply() {
        browser.await("the assistant's first message", d -> replies() >= 1);
        return this;
    }

    public ChatPage awaitConnected() {
        browser.await("the page to connect (send enabled on text)", d -> {
            WebElement app = byTestId("app");
            return !app.getAttribute("class").contains("sz-offline");
        });
        return this;
    }

    /** Types the answer, presses Enter, and waits for the assistant's finished reply to it. */
    public String answer(String text) {
        int before = replies();
        WebElement input = byTestId("chat-input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        browser.await("the reply to “" + text + "”", d -> replies() > before);
        List<WebElement> done = all(DONE_REPLY);
        // textContent, not getText(): a new message fades in from opacity 0, which WebDriver counts as hidden.
        return done.get(done.size() - 1).getDomProperty("textContent");
    }

    /** The draft pane's sections (their text) once a whole draft has rendered. */
    public List<String> awaitDraft() {
        browser.await("the draft to render", d -> !all("[data-testid=draft] [data-ref=title]").isEmpty()
                && all("[data-testid=draft].sz-live").isEmpty());
        return texts("[data-testid=draft-section]");
    }

    public String draftText() {
        return byTestId("draft").getDomProperty("textContent");
    }
}
