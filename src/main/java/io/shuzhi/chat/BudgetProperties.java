package io.shuzhi.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Model usage caps beyond the per-session budget ({@code shuzhi.llm.session-token-budget}).
 *
 * @param dailyTokens input + output tokens all sessions together may use per day (UTC); 0 = no cap. Over it, the
 *                    interview goes on with the rules and drafting with the model is refused (TOKEN_BUDGET).
 */
@ConfigurationProperties("shuzhi.budget")
record BudgetProperties(Long dailyTokens) {
    public BudgetProperties {
        dailyTokens = dailyTokens == null ? 20_000_000L : dailyTokens;
    }
}
