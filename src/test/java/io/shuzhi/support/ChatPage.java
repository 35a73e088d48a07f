package io.shuzhi.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
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
        for (int attempt = 0; ; attempt++) {
            try {
                return all(css).stream().map(e -> e.getDomProperty("textContent")).toList();
            } catch (StaleElementReferenceException e) {
                // The page re-rendered that part between finding and reading: read it again.
                if (attempt >= 5) throw e;
            }
        }
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

    /** The draft's text: its sections, without the cards' buttons. */
    public String draftText() {
        return String.join("", texts("[data-testid=draft] [data-testid=draft-section]"));
    }

    /** The card of draft section {@code ref} ("title", "opening", "1", "1.2" …). */
    public WebElement card(String ref) {
        return find("[data-testid=section-card][data-card='" + ref + "']");
    }

    /** The element with data-testid {@code id} inside the card of section {@code ref} (one lookup: never stale). */
    public WebElement inCard(String ref, String id) {
        return find("[data-testid=section-card][data-card='" + ref + "'] [data-testid=" + id + "]");
    }

    public List<WebElement> allInCard(String ref, String id) {
        return all("[data-testid=section-card][data-card='" + ref + "'] [data-testid=" + id + "]");
    }

    /** The text of section {@code ref} as the draft shows it. */
    public String sectionText(String ref) {
        return inCard(ref, "draft-section").getDomProperty("textContent");
    }

    /** Every section's text by ref, in draft order. */
    public Map<String, String> sections() {
        var out = new LinkedHashMap<String, String>();
        for (WebElement card : all("[data-testid=section-card]")) {
            out.put(card.getDomAttribute("data-card"),
                    card.findElement(By.cssSelector("[data-testid=draft-section]")).getDomProperty("textContent"));
        }
        return out;
    }

    /** Scrolls an element to the middle of its scroller (cards sit in a scrolled pane) and clicks it. */
    public void click(WebElement e) {
        browser.js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    /** Clicks the element with data-testid {@code id} inside {@code in} (a card, a fact …). */
    public void click(WebElement in, String id) {
        click(in.findElement(By.cssSelector("[data-testid=" + id + "]")));
    }

    /** Waits until the draft shows version {@code n} and no card is waiting for an answer. */
    public void awaitVersion(int n) {
        browser.await("draft version " + n, d -> byTestId("draft-version").getDomProperty("textContent").equals("第 " + n + " 版")
                && all("[data-testid=card-busy]").isEmpty());
    }

    /** The whole conversation of BrowserChatTest, then 生成草稿: a drafted session, version 1. */
    public ChatPage drafted(List<String> answers) {
        awaitFirstReply();
        answers.forEach(this::answer);
        answer("生成草稿");
        awaitDraft();
        awaitVersion(1);
        browser.await("the progress bar to go", d -> !byTestId("progress").isDisplayed());
        return this;
    }

    /** How far (px) the chat's newest line is below the visible part of the chat (0: scrolled to the bottom). */
    public long chatGap() {
        WebElement scroll = find("#sz-chat-scroll");
        return Math.round(browser.<Number>js(
                "var s = arguments[0]; return s.scrollHeight - s.scrollTop - s.clientHeight;", scroll).doubleValue());
    }

    /** Whether the chat holds more than one screen (only then does following the newest reply mean anything). */
    public boolean chatOverflows() {
        WebElement scroll = find("#sz-chat-scroll");
        return browser.<Boolean>js("var s = arguments[0]; return s.scrollHeight > s.clientHeight + 200;", scroll);
    }

    /** Waits until the chat shows its newest line (within 8 px of the bottom); fails with the last gap seen. */
    public long awaitFollowing(String when) {
        long[] gap = {Long.MAX_VALUE};
        try {
            browser.await("the chat to show its newest reply " + when, d -> (gap[0] = chatGap()) <= 8);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the newest reply stays " + gap[0] + " px below the chat's view " + when, e);
        }
        System.out.printf("MEASURE chat gap %s: %d px%n", when, gap[0]);
        return gap[0];
    }
}
