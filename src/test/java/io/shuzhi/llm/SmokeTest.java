package io.shuzhi.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.llm.ProviderStreams.Said;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's smoke command ({@code smoke} as the first program argument) run against the fake server, settings
 * bound from command-line arguments as the app binds them, so the command cannot rot. Never runs against a real
 * endpoint.
 */
class SmokeTest {
    private static final FakeModelServer fake = new FakeModelServer();

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void clean() {
        fake.reset();
    }

    private record Run(int code, String out) {
    }

    private static Run smoke(String baseUrl) {
        var buf = new ByteArrayOutputStream();
        int code = Smoke.command(new String[] {"--shuzhi.llm.base-url=" + baseUrl,
                "--shuzhi.llm.model=" + FakeModelServer.MODEL, "--shuzhi.llm.api-key=" + LlmTestSupport.KEY,
                "--shuzhi.llm.timeout=3s", "--shuzhi.llm.first-token-timeout=2s", "--shuzhi.llm.idle-timeout=2s",
                "--shuzhi.llm.retry-backoff=100ms"},
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        return new Run(code, buf.toString(StandardCharsets.UTF_8));
    }

    /**
     * A fake model that files a problem and a plan where a model would (the conversation test's files every answer
     * under the topic asked about), so parts two and three are written too; every section it writes ends in
     * {@code extra}.
     */
    private static FakeModelServer.Responder model(String extra) {
        FakeModelServer.Responder sections = LlmTestSupport.sectionWriter(extra);
        FakeModelServer.Responder questions = LlmConversationTest.model("");
        return (req, ex) -> {
            if (req.streaming()) {
                sections.respond(req, ex);
            } else if (req.wantsJson()) {
                String user = req.lastUser();
                String said = user.substring(user.lastIndexOf("<writer_text>\n") + 14, user.lastIndexOf("\n</writer_text>"))
                        .replaceAll("^存在的问题：|[。；]+$", "");
                String topic = said.contains("不够") ? "issue-study" : said.startsWith("明年") ? "plan-study" : null;
                if (topic == null) questions.respond(req, ex);
                else ex.completion(FakeModelServer.facts(topic, said));
            } else {
                questions.respond(req, ex);
            }
        };
    }

    @Test
    void aWorkingProvider_printsTheDraftTheFlagsTokensAndTimePerSection_andExitsZero() {
        // The model invents one figure in every section it writes: the guard's flags must show.
        fake.route(model("全年共开展主题活动87次。"));
        Run r = smoke(fake.baseUrl());
        System.out.println(r.out());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("GET /models：可以连通").contains("== 草稿 ==").contains("现将有关情况报告如下：")
                .contains("研讨交流24次").contains("【待核实：原文“87次”】").contains("通过：");
        // The facts came from the model, for every answer of the script.
        assertThat(r.out().split("提取事实：\\d+ ms", -1)).hasSize(5);
        // A row per section the model wrote: time, tokens as the provider reported them, the flags.
        for (String ref : new String[] {"1\\.1", "2", "3\\.1"}) {
            Matcher row = Pattern.compile("(?m)^" + ref + "\\s+\\S+\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+1 \\[原文“87次”]$")
                    .matcher(r.out());
            assertThat(row.find()).as(ref + "\n" + r.out()).isTrue();
            assertThat(Long.parseLong(row.group(3))).isPositive();
            assertThat(Long.parseLong(row.group(4))).isPositive();
        }
        assertThat(r.out()).contains("模型写了 3 节").contains("待核实（模型写出、事实里没有的数字）3 处");
        Matcher total = Pattern.compile("tokens：输入 (\\d+)，输出 (\\d+)（接口返回的用量）").matcher(r.out());
        assertThat(total.find()).as(r.out()).isTrue();
        assertThat(Long.parseLong(total.group(1))).isPositive();
        assertThat(r.out()).doesNotContain(LlmTestSupport.KEY);
    }

    @Test
    void aProviderWithoutStreamedUsage_isEstimated_andTheOutputSaysSo() {
        FakeModelServer.Responder plain = LlmConversationTest.model("");
        FakeModelServer.Responder ollama = ProviderStreams.ollama(req -> new Said("先想想结构。",
                "一是抓实理论学习，全年开展研讨交流24次，购买发放学习书籍120册。"));
        fake.route((req, ex) -> (req.streaming() ? ollama : plain).respond(req, ex));
        Run r = smoke(fake.baseUrl());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).containsPattern("\\(?（其中 \\d+ 为估算：接口没有返回用量）").contains("≈");
        assertThat(r.out()).doesNotContain("先想想结构");
    }

    @Test
    void aKeyTheProviderRefuses_failsWithAReason_andExitsOne() {
        fake.route(FakeModelServer.status(401));
        Run r = smoke(fake.baseUrl());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("起草失败：").contains("密钥").contains("未通过")
                .contains("模型没有从任何一轮回答中提取出事实");
        assertThat(r.out()).doesNotContain(LlmTestSupport.KEY);
    }

    @Test
    void anEmptyStream_failsTheCheck() {
        FakeModelServer.Responder plain = LlmConversationTest.model("");
        fake.route((req, ex) -> (req.streaming() ? ProviderStreams.emptyStream() : plain).respond(req, ex));
        Run r = smoke(fake.baseUrl());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("没有返回任何内容").contains("未通过");
    }

    @Test
    void nothingAnswering_exitsOneAtTheProbe() {
        Run r = smoke("http://127.0.0.1:9/v1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("GET /models：失败").contains("未通过");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void anExtraBodyThatIsNotJson_exitsTwo_namingTheSetting() {
        var buf = new ByteArrayOutputStream();
        int code = Smoke.command(new String[] {"--shuzhi.llm.base-url=" + fake.baseUrl(),
                "--shuzhi.llm.model=" + FakeModelServer.MODEL, "--shuzhi.llm.extra-body=enable_thinking=false"},
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("配置有误").contains("SHUZHI_LLM_EXTRA_BODY");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void noModelConfigured_exitsTwo() {
        Run r = smoke("");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("SHUZHI_LLM_BASE_URL");
    }
}
