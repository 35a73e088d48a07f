package io.shuzhi.interview;

import io.shuzhi.interview.Words.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a writer's message the way a person would: sentence by sentence and item by item of the writer's own lists
 * (一是/二是, （一）, 1. 2.), each piece with what it is before where it goes — an achievement, a problem, a plan, a
 * question to the assistant, a wish about the draft, an aside, a skip. Cadres type several of these in one message
 * ("…义诊15场。存在的问题：一是…；二是…。明年打算…。党课一年讲几次合适？"), and a problem filed as an achievement is
 * the worst thing a 述职报告 can contain, so the kind of a piece is decided from its own words, the writer's headers
 * ("存在的问题：", "明年打算："), and only then from the question that was open.
 *
 * <p>Word lists live here rather than in a kind file: they describe how writers talk about any year, not one
 * kind's outline. Everything is matched on words from {@link Words}, never inside one. One instance per
 * {@link Lexicon}.
 */
public final class ClauseReader {

    /** What a piece of a message is. */
    enum Kind {
        /** something done or achieved this year */
        FACT,
        /** a shortfall: goes to the problems part whatever question is open */
        PROBLEM,
        /** an intention for next year: goes to the plans part */
        PLAN,
        /** a question to the assistant ("党课一年讲几次比较合适？") */
        QUESTION,
        /** a wish about the draft's style or length ("写得有文采些") */
        WISH,
        /** talk that is not report content ("之前不是讲过了吗", "你先回答我") */
        ASIDE,
        /** "这个跳过", "没有": the open question has no answer */
        SKIP
    }

    /**
     * One piece of a message.
     *
     * @param kind    what it is
     * @param text    the piece as written, without list markers, headers and spoken fillers at its ends
     * @param clauses its clauses (split at commas), for routing clause by clause
     * @param listed  whether the writer numbered it (一是…, 1.…)
     */
    record Piece(Kind kind, String text, List<String> clauses, boolean listed, String label) {
        Piece(Kind kind, String text, List<String> clauses, boolean listed) {
            this(kind, text, clauses, listed, "");
        }

        Piece labelled(String newLabel) {
            return new Piece(kind, text, clauses, listed, newLabel == null ? "" : newLabel);
        }
    }

    /**
     * The writer's own label before what they say: "个人方面：…", "监督这块，…", "三会一课：…". It names where the
     * rest goes ("个人" is the personal part of a 述责述廉 report) and holds until the next label or header.
     */
    private static final Pattern LABEL = Pattern.compile(
            "^(?:(?:先|再|然后|接着|最后|下面)?(?:说说|说|讲讲|讲|谈谈|谈|聊聊|聊)(?:一下|下)?)?"
                    + "([^，,：:；;。！？!?]{1,8}?)(?:方面|这块|这一块|这部分|部分|情况|上|的话)?(?:吧|啊|呢|嘛)?"
                    + "(?:[：:]|(?<=方面|这块|这一块|上|的话|吧|啊|呢|上嘛|方面嘛|这块嘛)[，,])\\s*(.+)$");

    /** "审判上主要是…": a topic of two to four characters, 上, then 主要是 / 重点是. */
    private static final Pattern TOPIC_ON = Pattern.compile("^(\\p{IsHan}{2,4})上((?:主要|重点)(?:就)?是)");

    /** "人民调解这块全县…": a topic of two to six characters and 这块, content right after it. */
    private static final Pattern TOPIC_HERE = Pattern.compile("^(\\p{IsHan}{2,6}?)(这块|这一块)(?=[\\p{IsHan}0-9])(?!要|得|还|也|就|都|凑合|不|没|挺|很|是|嘛|吧|啊|呢|主要|方面|工作)");

    /**
     * "人民调解是局长亲自抓的，我是配合": a deputy's part in a line of work the leader runs, said as the writer's role.
     * It becomes the work's label and a fact in the report's words ("协助局长抓好人民调解工作"), so the work's items
     * say 协助, not that the writer led it. "先说清楚" before it announces it.
     */
    private static final Pattern ROLE = Pattern.compile(
            "^(?:先说清楚|先说明一下|先说明|先说好|说明一下)?[，,]?\\s*(\\p{IsHan}{2,8}?)(?:这块|工作)?是(局长|书记|主任|院长|所长|站长|校长|县长|镇长|主要领导|一把手)"
                    + "(?:亲自)?(?:抓|管|牵头|负责|分管)的[，,]\\s*(?:我|本人)(?:是|只是|主要是|就是)?(?:配合|协助|辅助)(?:的)?(?=$|[，,。])");

    /** A header of plans or problems after a comma, before its colon: "…，打算：", "…，存在的问题：". */
    private static final Pattern MID_HEADER = Pattern.compile(
            "[，,]\\s*((?:明年|下一步|下步|今后|来年)?的?(?:打算|计划|思路|举措|工作打算|工作思路|存在的问题|问题|不足|短板)"
                    + "(?:的话|嘛|呢)?[：:])");

    /** Where a count left open ("设了几个") meets the writer's errand to look it up ("我得翻一下本子"). */
    private static final Pattern LOOK_UP = Pattern.compile(
            "(?<=几[个次名人项家场件所期条座支])(?=(?:我)?(?:得|要|再)(?:翻|查|问)(?:一下|下)?(?:本子|台账|记录|系统|表))");

    /** A space between words of a line typed by voice. */
    private static final Pattern VOICE_GAP = Pattern.compile("(?<=[\\p{IsHan}0-9%”])[ \\t]+(?=[\\p{IsHan}“])");

    /** A keycap digit (1️⃣): the digit, the optional variation selector, the enclosing keycap. */
    private static final Pattern KEYCAP = Pattern.compile("([0-9])\\x{FE0F}?\\x{20E3}");
    /** A line that starts with a digit and a space. */
    private static final Pattern LINE_NUMBER = Pattern.compile("(?m)^[ \\t]*([1-9])[ \\t]+(?=\\p{IsHan})");

    /** A sentence that only announces what comes next: "下面说廉政", "再说说队伍建设这块". */
    private static final Pattern ANNOUNCED = Pattern.compile(
            "^(?:先|再|然后|接着|最后|下面|接下来|再来)(?:说说|说|讲讲|讲|谈谈|谈|聊聊|聊)(?:一下|下)?"
                    + "([^，,：:；;。！？!?\\s0-9]{1,8}?)(?:方面|这块|这一块|的事|的情况|情况|的)?(?:吧|啊|了)?$");

    /** Labels that say whose or what kind of statement follows, not what it is about. */
    private static final Set<String> ADDRESS_LABELS = words("个人", "本人", "我个人", "自己", "其他", "另外", "还有",
            "补充", "再补充", "顺便", "对了", "然后", "具体", "具体的", "总的", "总体", "整体", "基本", "数据", "数字", "工作",
            "业务", "平时", "日常", "我那摊", "我这摊", "那摊", "这摊", "我分管的", "分管的", "我们那摊", "我那块", "我这块", "硬指标", "硬数", "主要指标", "指标", "主要数据");

    /** Sentence ends; a question mark is kept apart so a question stays recognisable. */
    private static final Pattern SENTENCE = Pattern.compile("[^。！!？?；;\\n\\r]+[。！!？?；;\\n\\r]*");
    /** A writer's list marker at the start of an item. */
    private static final Pattern LIST_MARKER = Pattern.compile(
            "(?:^|(?<=[\\s，,：:；;。]))(?:[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十]|首先|其次|再次|最后就是|最后一个|最后一条|最后|再就是|还有就是"
                    + "|(?:再|另|还有|另外)?一个是|第[一二三四五六七八九十]个是|第[一二三四五六七八九十]{1,2}是"
                    // "头一条，…；第二条，…": items counted as the writer's own 条
                    + "|头一条|头一个|第[一二三四五六七八九十]{1,2}条(?=[，,、：:])|再一个|另一个"
                    // "A.党员分散…；B.…": items lettered
                    + "|[A-D][.．、](?=\\p{IsHan})"
                    + "|第[一二三四五六七八九十]{1,2}(?:[，,、：:]|(?=个方面|点|条))|[（(][一二三四五六七八九十0-9]{1,2}[)）]"
                    + "|[0-9０-９]{1,2}[.．、)）](?![0-9０-９])|[1-9１-９]是|[①②③④⑤⑥⑦⑧⑨⑩])[，,、：:\\s]*");
    /** "," splits clauses except inside a number ("1,260"). */
    private static final Pattern CLAUSE = Pattern.compile("[，]+|[：:]+(?![0-9])|(?<![0-9])[：:]+|(?<![0-9]),|,(?![0-9])");
    private static final Pattern EDGE = Pattern.compile("^[\\s，,、：:…~～'‘’]+|[\\s，,、：:…~～。！!？?；;'‘’]+$");
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:嗯+|呃+|额+|啊+|哦+|噢+|唔+|好的|好吧|是的|对的|然后呢?|另外|此外|对了|那个|这个嘛|还有|再有|再就是|就是说|其实"
                    + "|我们支部|咱们支部|我们的|咱们的|我们|咱们|全年下来|有个事(?=[，,])|有件事(?=[，,]))[，,、\\s]*");
    /** Whole clauses that say nothing about the year. */
    private static final Set<String> EMPTY_CLAUSES = words("嗯", "好", "好的", "对", "是的", "是", "没了", "就这些",
            "就这样", "差不多", "大概就这样", "大概这些", "暂时这些", "暂时就这些", "嗯嗯", "哦", "ok", "OK", "行", "可以",
            "还有", "另外", "然后", "其他的", "别的没了", "没有了", "主要就这些", "大概是这样", "基本就这些", "就这么多",
            "先这样", "先说这些", "对的", "没错", "写吧", "要写", "写", "那就写", "写上", "写上吧", "要写的", "需要写");
    private static final Pattern CONJUNCTION = Pattern.compile("^(?:但是|但|不过|可是|只是|就是|然而|同时|而且|并且)[，,\\s]*");

    // -- words that say what a piece is ------------------------------------------------------------------------

    /** Nouns that head a writer's list of problems ("存在的问题：", "不足方面，", "短板主要是…"). */
    private static final Set<String> PROBLEM_HEADS = words("问题", "不足", "短板", "差距", "薄弱环节", "缺点", "毛病",
            "弱项", "不足之处", "欠缺");
    /** Words that head a writer's list of plans ("明年打算：", "下一步，…"). */
    private static final Set<String> PLAN_HEADS = words("明年", "下一步", "下步", "今后", "来年", "新的一年", "下一年",
            "打算", "计划", "思路", "举措", "措施", "努力方向", "下阶段", "接下来", "明年度", "力争", "争取", "设想",
            "工作安排", "工作打算", "工作计划", "工作思路",
            // "明年的事…：": the segmenter's words joined back ("明年/的") name next year too
            "明年的", "来年的", "下一步的", "今后的");
    /** Words a header may hold besides its head: "存在的主要问题有以下三个方面". */
    private static final Set<String> HEADER_FILLER = words("存在", "的", "主要", "还", "还有", "有", "是", "呢", "吧",
            "的话", "嘛", "来说", "而言", "就",
            "方面", "之处", "以下", "这么", "这些", "几", "个", "点", "条", "我们", "咱们", "我", "自身", "个人", "目前",
            "当前", "工作", "说说", "讲讲", "一下", "主要是", "就是", "如下", "大概", "觉得", "我觉得", "支部", "本人",
            "准备", "打算", "计划", "工作思路", "方向", "努力", "和", "及", "还是", "也", "一些", "几个", "几点", "工作中",
            "中", "上", "方面的", "顺便", "说", "说下", "说一下", "下", "讲", "讲下", "谈", "谈谈", "列", "列一下", "提",
            "补充", "再", "加", "再加", "最后", "然后", "接着", "另外", "关于", "至于", "对于", "那", "那么", "现在",
            "聊聊", "明年的", "力争", "争取", "目标", "设想", "安排", "顺带", "一下", "先", "我的", "顺便说", "嘛", "啊",
            "呀", "哈", "哦", "自己", "想", "想了", "了", "列了", "梳理了", "总结了", "归纳了", "仨", "俩", "捋", "捋了", "理了",
            "整理了", "干", "做", "抓", "办", "件", "事", "件事", "大事",
            // "明年的事趁想起来先说：": when the writer says it, not what it is
            "趁", "趁着", "想起来", "先说", "记得");
    /** Shortfalls, as words: 不够 / 薄弱 / 滞后 / 流于形式… */
    private static final Set<String> PROBLEM_WORDS = words("不足", "短板", "差距", "薄弱", "滞后", "欠缺", "缺乏", "缺少",
            "有待", "不够", "不到位", "流于形式", "偏少", "偏低", "偏弱", "偏慢", "较少", "较弱", "较低", "不高", "不强",
            "不深", "不紧", "不实", "不细", "不多", "不大", "跟不上", "没跟上", "两张皮", "照本宣科", "弱项", "短处",
            "不平衡", "不充分", "不规范", "不及时", "不扎实", "不理想", "不明显", "不主动", "不积极", "不到", "不全面",
            "不系统", "不灵活", "单一", "不够好", "不太好", "不佳", "一般化", "走过场", "重形式", "松懈", "懈怠",
            "畏难", "打折扣", "不平", "不经常", "不深入", "不透", "缺位", "乏力", "弱化", "虚化", "淡化", "边缘化");
    /** After 不/没/未, these make a shortfall ("不深入", "不太积极", "没跟上"). */
    private static final Set<String> WEAK_AFTER_NOT = words("深", "深入", "强", "高", "足", "多", "紧", "实", "细",
            "够", "到位", "明显", "平衡", "充分", "规范", "及时", "扎实", "理想", "主动", "积极", "活跃", "全面", "系统",
            "灵活", "新颖", "透", "准", "精", "严", "硬", "好", "太", "怎么", "大", "完善", "健全", "落实", "落地",
            "重视", "上心", "跟上", "做到", "经常", "常态", "持续", "有力", "有效", "充足", "到", "高效", "新", "清");
    /** A problem word right after one of these is something solved: "整改问题6项", "补齐短板". */
    private static final Set<String> SOLVING_VERBS = words("解决", "整改", "化解", "补齐", "补强", "弥补", "缩小",
            "消除", "破解", "查摆", "查找", "梳理", "发现", "排查", "督促", "回应", "处理", "办结", "收集", "反映",
            "协调", "研究", "推动", "帮助", "交办", "销号", "纠正", "纠治", "查处", "整治", "聚焦", "针对", "围绕",
            "认领", "列出", "建立", "形成", "问题清单", "清单", "台账", "补短板", "堵塞");
    /** Time words that put a piece in next year. */
    private static final Set<String> PLAN_TIME = words("明年", "下一步", "下步", "今后", "来年", "新的一年", "下一年",
            "下阶段", "接下来", "明年度", "将来");
    /** Verbs of intention: strong at the start of a piece ("打算每月…", "力争…"). */
    private static final Set<String> PLAN_VERBS = words("打算", "准备", "力争", "争取", "拟", "计划", "计划要", "想",
            "要", "将", "预计", "力求", "努力", "着力", "继续", "持续");
    /** Words that make a sentence a question to the assistant even without "？". */
    private static final Pattern QUESTION_WORDS = Pattern.compile(
            "吗[？?]?$|么[？?]?$|(?:合适|可以|行不行|好不好|对不对|要不要|需不需要|能不能|可不可以|是不是|有没有必要|怎么写|如何写|"
                    + "咋写|写多少|写多长|几次合适|多少合适|多少字|应该怎么|怎么办|怎么弄|啥意思|什么意思|是什么)[？?]?$"
                    // "这句能用上不", "这样写行不": a trailing 不 after a modal asks
                    + "|(?:能|可以|行|好|对|合适|用得)\\p{IsHan}{0,3}不[？?]?$");
    /**
     * A question that need not end the clause: it opens with an A-not-A word ("会不会重复", "有没有新说法"), weighs two
     * ways ("写阿拉伯数字还是汉字好"), or asks where a thing goes ("写在哪块好").
     */
    private static final Pattern QUESTION_SHAPES = Pattern.compile(
            "^(?:那|还有|另外)?(?:会不会|能不能|要不要|是不是|有没有|可不可以|需不需要|算不算|用不用|该不该)"
                    + "|还是\\p{IsHan}{1,14}(?:好|合适|对|行|可以)$"
                    + "|(?:写|放|算|归|列)(?:在|到|进)?(?:哪|哪儿|哪里|哪块|哪部分|哪一部分|哪个部分)"
                    // an A-not-A word and a short predicate ending the clause: "…都上的话会不会太乱", "…会不会跑题"
                    + "|(?:会不会|能不能|要不要|是不是|算不算|好不好)\\p{IsHan}{1,5}$"
                    // "哪个规范点", "哪种写法好": which of two
                    + "|^(?:那)?(?:哪个|哪种|哪样|哪一个|哪一种)\\p{IsHan}{0,6}$");
    /** An A-not-A word before the figures of a sentence that ends with "？": "党课是不是一年得讲够4次？". */
    private static final Pattern A_NOT_A = Pattern.compile(
            "会不会|能不能|要不要|是不是|有没有|可不可以|需不需要|算不算|够不够|得不得|用不用|该不该|行不行|好不好");
    /** A clause ending in an A-not-A form: "够不够", "合适不合适", "有没有". */
    private static final Pattern A_NOT_A_END = Pattern.compile("(\\p{IsHan}{1,2})[不没]\\1(?:呢|啊|呀)?[？?]?$");
    /** "这个别写进去", "这条不用写", "这个不说了": the writer takes back what the clauses before said. */
    private static final Pattern POINTED_REMOVAL = Pattern.compile(
            "^(?:(?:这个|这条|这句|这事|这些|这一条|这一项|这项|这个事)(?:就|也|可以|还是)?(?:(?:别|不要|不用|不必)(?:再)?(?:写|提|放)"
                    + "(?:进去|进报告|到报告|上|了)?|不(?:说|提|写)了)"
                    // "…清回逾期52笔，那是他的活，别往我这写": another's work, not the writer's
                    + "|(?:那|这)(?:是|都是)(?:他|她|别人|人家|他们)的(?:活|事|功劳|成绩)|(?:别|不要)(?:往|算)(?:我|本人)(?:这|这儿|头上|身上)?(?:写|算)?)(?:吧|啊)?$");

    /** A notice the writer passes on: "转发：…", "【…办公室】请各单位…". */
    private static final Pattern FORWARDED = Pattern.compile("^(?:转发|转一下|转给你|转你)[：:]|【[^】]{2,30}】\\s*(?:请各|各单位|关于)");

    /** A quoted name or saying: “…”. */
    private static final Pattern QUOTED = Pattern.compile("“[^“”]{1,40}”");
    /** A saying the writer offers for the text: "这句能用上不", "能不能拿这句当个主线放开头". */
    private static final Pattern QUOTE_OFFER = Pattern.compile(
            "(?:这句|这句话|这个提法|这个说法|这话)\\p{IsHan}{0,6}?(?:用上|用进|用到|写进|放开头|放在开头|放到开头|当主线|当个主线|"
                    + "做主线|作主线|当标题|用得上|引用|引上)");

    /** Talk about the conversation, not the year. */
    private static final Pattern ASIDE = Pattern.compile(
            "讲过|说过|提过|讲了吗|说了吗|回答我|先回答|你先|催得|在催|催我|稍等|等一下|等等|等会|想一想|想想|让我想|不好意思|麻烦你|"
                    // "收到" alone is "got it"; "信访件全年收到23件" is a fact
                    + "谢谢|多谢|辛苦|哈哈|呵呵|嘿嘿|唉|回来(?:我)?问问|问问(?:他|她|领导)|回头问|忙死|累死|烦死|头疼|头大|头都大|得罪人|没人说一句好|吃力不讨好|说句心里话|扛不住|顶不住|吃不消|受不了|凑字数|凑数|没啥可说|没什么可说|没啥好说|你好|您好|在吗|在不在|^收到[了啦吧！!。]*$|明白了|知道了|懂了|"
                    + "好的好的|没问题|没关系|算了|随便|都行|无所谓|上面有|前面有|刚才说|刚刚说|(?:前面|上面|之前)(?:说|讲|提)(?:了|过)|重复了|又问|还问|问过|答过|"
                    + "领导(?:要|让|说|催)|今天要交|明天要交|急用|赶时间|快点|抓紧|先不说|不想说|不方便说|以后再说|回头再说|再说吧|不说了|"
                    + "你看着办|你看着写|你自己看|你定|你说呢|免得|省得|以免忘|怕忘|别忘|忘了|忘记|一次说完|一口气说|说完吧|"
                    + "记错了|说错了|搞错了|弄错了|写错了|口误|(?:情况|事情)?是这样的|"
                    // where something goes in the report, not a fact: "不用写进问题吧", "这个别写"
                    // ("要不要写党建？" is a question, not this)
                    + "(?<![要用])(?:不用|不要|别|不必|用不着|没必要)(?:再)?(?:写|放|列|算)(?![吗么？?太得那这很过成多少重轻狠虚空])|写进问题|写到问题|放进问题|算作问题|当成问题|"
                    // a deferral that names nothing to do: "换届以后再弄"
                    + "(?:以后|之后|回头|后面|过后|换届后|换届以后)再(?:弄|搞|做|办|抓|落实)(?:吧|了)?$|"
                    // "业务上主要是三块": an announcement of what follows, with the writer's topic before it
                    + "^\\p{IsHan}{1,4}(?:上|方面|这块)(?:主要|重点)?(?:就)?(?:是|有|分)(?:这么)?[一二三四五六七八九十两几]+(?:块|个方面|件事|件大事|项工作)$|"
                    // a complaint about the year's load: "人都熬废了"
                    + "熬废|累垮|累趴|累坏|熬不住|折腾死|气死|愁死|急死|闹心|追着跑|没歇过|没歇|连轴转|人少事杂|事多人少|翻来覆去|(?:累|忙)得够呛|"
                    + "(?:连着|天天|整天)?加了\\p{IsHan}{0,4}班|"
                    // "又要迎检又要结账": two loads at once, said as a complaint
                    + "(?:又(?:要|是)\\p{IsHan}{1,6}又(?:要|是))|"
                    // "我这两天嗓子都哑了": the writer's own days now, not the year reported on
                    + "我(?:这两天|这几天|这阵子|今天|昨天)|^等下$|"
                    // "这周三个会两个检查": the writer's week now; "真是服了", "不是人干的": complaints
                    + "^(?:这周|本周|这礼拜|这个礼拜|这星期)|真是服了|服了$|不是人干的|睡不到(?:几个)?(?:整觉|觉)|"
                    // "电话被打爆了", "两头受气"; "不写又显得我没干啥": the writer's load and worry about the text
                    + "电话被打爆|电话打爆|两头受气|两头不是人|被\\p{IsHan}{1,6}围着吵|不写(?:又|就)?显得|显得(?:我|本人)(?:没|啥都没|什么都没)干|"
                    // "写会不会显得我们毛病多": the writer weighing the text
                    + "(?:写|写上|写出来)?会不会显得|"
                    + "^(?:材料|报表|稿子)(?:周[一二三四五六日天]|明天|后天|月底|今天)?(?:还)?(?:要|得)交|"
                    // "加起来是多少你帮我算下，我脑子已经糊了": a sum asked of the assistant (the reply gives it)
                    // ("一共多少个字合适？" asks about the text: a question)
                    + "(?:加起来|加在一起|合起来|合计|一共|总共)(?:是)?多少(?!个?字|合适)|(?:你)?帮(?:我)?(?:算|加)(?:一下|下)|脑子(?:已经)?(?:糊|乱)了|"
                    // "公示还没完，完了就写上", "公示完了，可以写": when the writer may write it, not a fact
                    + "公示(?:还)?没完|公示(?:已经)?完了|^(?:完了|公示完)(?:就)?(?:写上|可以写)|^(?:可以|能)写了?$|先别写|"
                    // "党员先锋岗设了几个我得翻一下本子": a figure the writer will look up
                    + "(?:我)?(?:得|要|再)(?:翻|查|问)(?:一下|下)?(?:本子|台账|记录|系统|表|财务|会计|办公室|局里)|"
                    // "给我留个位置，别瞎填": the writer keeping a place for a figure to come
                    + "(?:给我|帮我)?留(?:个|一个)(?:位置|空|地方)|别瞎填|不要瞎填|"
                    // "老婆说我再不回来就别回来了": the writer's family on the year's load
                    + "(?:老婆|媳妇|老公|家里人|孩子)(?:都)?(?:说|讲|问|嫌|埋怨)|"
                    // "我就是配合一下": the writer's part in another's work, after saying whose it is
                    + "^(?:我)?(?:就|只|也就)?是配合(?:一下)?$|"
                    // "这两天在迎省里的督察", "今天下午还有个会", "晚上要去福利院看看": the writer's days now
                    + "^(?:这两天|这几天|这阵子)(?:正)?(?:在|忙着|忙)|^(?:今天|今晚|明天|待会儿?|一会儿?)?(?:上午|下午|晚上)?还?(?:有个?会|要开会|得开会)|"
                    + "^(?:今天|今晚|明天)?(?:下午|晚上)(?:还)?(?:要|得)(?:去|赶)|堆成山|堆成了山|堆积如山|"
                    // "报告我抽空弄": when the writer will write, not the year's work
                    + "(?:报告|稿子|材料|述职)(?:我)?(?:抽空|回头|晚点|有空|慢慢|晚上)(?:弄|写|改|看|整)|"
                    // "几个数我从台账表里拷过来了": where the figures were copied from
                    + "(?:从|在)\\p{IsHan}{0,6}?(?:台账|表格?|系统|后台|文件|Excel|excel|WPS)里?(?:拷|复制|粘|贴|导|扒|抄)(?:过来|出来|了|一下)|"
                    // "算不上成绩", "那个不算四风": the writer weighing where a thing goes
                    + "^(?:也)?算不上(?:成绩|亮点|成效)|^(?:那个|这个)?不算\\p{IsHan}{1,6}$|^(?:这个|那个)?算(?:是)?(?:个)?问题(?:吧|了)?$|"
                    // "我自己是部队转业的": the writer's own story, not the year's work
                    + "^我(?:自己|本人)?是\\p{IsHan}{1,8}(?:转业|出身|毕业|调过来|过来)的$|"
                    // "我今年3月份从县发改局调过来的，之前的事不太清楚": when the writer came, and what they do not know
                    + "^我?(?:是)?(?:今年|去年)?[0-9一二三四五六七八九十]{0,2}月?份?(?:才)?从\\p{IsHan}{2,12}(?:调|交流|转)(?:过来|来|入|到这)的?$|"
                    + "^(?:之前|以前|前面|原来)的(?:事|情况|工作)(?:我)?(?:不太|不怎么|不大|不)(?:清楚|了解|知道)$|"
                    // "兼着县社副主任": the writer's other post, for the title, not an item of the year
                    + "^(?:我)?(?:还)?兼(?:着|任)?\\p{IsHan}{2,10}(?:主任|书记|局长|站长|所长|科长|馆长|院长|校长|经理|社长)$|"
                    // "还有个事特别有意义": a remark that announces the next fact
                    + "^(?:还有|另外)?(?:个|一个|一件|有个|有件)事儿?(?:特别|很|挺|最|尤其)?(?:有意义|值得一提|值得说|难忘|感动人|要说|得说)$|"
                    // "腰都快断了", "嗓子都哑了": the writer's body, not the year's work
                    + "(?:腰|腿|脚|嗓子|眼睛|胳膊|肩膀)(?:都|也)?(?:快)?(?:断|哑|肿|磨破|累|疼|酸|废)|"
                    // "馆长让先出个底子", "局长催着要": who asked for the text, not a fact
                    // ("书记让我牵头防汛" is a task of the year and stays a fact)
                    + "(?:馆长|局长|院长|所长|站长|科长|主任|书记|领导)\\p{IsHan}{0,4}?(?:让(?:我|我们)?\\p{IsHan}{0,4}先(?:起|写|出|弄|拿)|催(?:得|着|我)|交代(?:我)?先)|"
                    // "业务融合是重头": a comment on what follows, not a fact
                    + "^\\p{IsHan}{2,8}是(?:重头戏?|大头|重中之重)$|"
                    // "那就三条", "主要就三块": a count of what follows, naming nothing
                    + "^(?:今年|全年|这一年|一年来)?(?:那|那就|就)?(?:主要|重点|大概)?(?:就是|就|是|有|分|分为)?[一二三四五六七八九十两几]+(?:块|个方面|件事|件大事|项工作|方面|条|点)(?:吧|啊)?$|"
                    + "^(?:主要|重点)?(?:抓了|干了|做了|办了|有)(?:这么)?[一二三四五六七八九十两几]+(?:件(?:事|大事|工作|事情)|块|个方面)$|"
                    // "分管的几块说一下：" announces what follows and says nothing itself
                    + "^(?:分管的|主要的?|重点的?)?[几两三四五六]+(?:块|个方面|项工作)(?:说一下|说下|说说|讲一下|讲讲|汇报一下)?$|"
                    // "全年主要是这几块，…", "今年主要就是这么几块": the same announcement, pointing at what follows
                    + "^(?:今年|全年|这一年|一年来)?(?:主要|重点|大概)?(?:就是|是|有|分|分为)?(?:这么|这|下面|以下)"
                    + "[一二三四五六七八九十两几]+(?:块|个方面|件事|件大事|项工作|方面)(?:的?工作)?(?:吧|啊)?$|"
                    // "我们部门干的事：一是…" announces a list
                    + "^(?:我们|咱们|我)?(?:部门|单位|科室|处里|所里|局里|支部)?(?:今年)?(?:干的事|做的事|干的活|干的工作|做的工作)(?:有|是|主要是|主要有)?$");
    /** Wishes about the draft: how it reads or how long it is. */
    private static final Pattern WISH = Pattern.compile(
            "文采|文风|语气|篇幅|润色|字数|[0-9０-９一二三四五六七八九十百千万]+字(?:左右|以内|以上|上下)?|"
                    + "写得|写的(?:有|好|正式|生动|漂亮|大气|简洁|精炼|具体|详细|简单)|写成|写出|写好点|写漂亮|写生动|"
                    + "(?:帮我|给我|替我|帮忙|麻烦)(?:写|改|弄|润色|修改|整理|把)|高大上|接地气|(?:正式|生动|大气|简洁|精炼|"
                    + "简练|华丽|朴实|精彩|出彩)(?:一点|一些|点|些)|(?:多写|少写|详写|略写|重点写|展开写|多展开|写详细|写具体)"
                    + "|口语|书面语|官腔|套话|空话|啰嗦|太长|太短|简短一点|精简一点|要体现|体现一下|突出一下|强调一下"
                    + "|简单写|写简单|简单带|一笔带过|带一笔|简单提一下|按常规|照常规|常规写|按惯例|照惯例|按老样子|照着去年|按去年的写"
                    // how it is written or read out: "写的时候别太空", "别堆大词", "要在会上念的，得顺口"
                    + "|写的时候|写时|(?<![个特分区级类识性告派辨鉴])别(?:太|堆|吹|写|用|搞|弄|光|老)|不要(?:太|堆|吹|光)"
                    // "问题部分别写太狠": 部分 then 别, not 分别
                    + "|部分别(?:太|堆|吹|写|用)"
                    + "|多用|少用|大词|顺口|好念|会上念|念出来|读出来|念起来|谦虚|实在(?:点|些|一点|一些)|拔高|吹得|吹太"
                    + "|腔调|官腔|小标题|一句话(?:能)?概括|爱看|看得出|限时|少说|多说两句"
                    // what someone else wants of the text: "院长说述职要有点人情味", "局里说要有数据支撑"
                    // (a fact such as "上级要求要在年底前完成整改" names no text and stays a fact)
                    + "|(?:局里|院里|馆里|领导|院长|馆长|局长|书记|主任|上面|上级)(?:说|讲|交代|要求)了?(?:述职|报告|总结|材料|稿子)(?:要|得|别|不要)"
                    + "|(?:局里|院里|馆里|领导|院长|馆长|局长|书记|主任|上面|上级)(?:说|讲)(?:要|得)有点?(?:数据|人情味|亮点|特色|温度)"
                    + "|^(?:但|但是|不过|而且|并且|也)?(?:别|不要)\\p{IsHan}{0,4}(?:堆|写|太|用)");

    /** A word list; a word listed twice is kept once (the lists grow by hand). */
    private static Set<String> words(String... words) {
        return Set.copyOf(new java.util.LinkedHashSet<>(List.of(words)));
    }

    /** Every word of the lists above: adjacent words the segmenter split ("下/一步", "不/到位") are joined back. */
    private static final Set<String> KNOWN;

    static {
        var all = new java.util.HashSet<String>();
        for (Set<String> list : List.of(PROBLEM_WORDS, PLAN_TIME, PLAN_HEADS, PROBLEM_HEADS, HEADER_FILLER,
                SOLVING_VERBS, PLAN_VERBS)) {
            for (String w : list) if (w.length() >= 2) all.add(w);
        }
        KNOWN = Set.copyOf(all);
    }

    /** The words of a text, with runs of two or three words that make one word of the lists joined. */
    List<Word> wordsOf(String text) {
        List<Word> words = this.words.of(text);
        List<Word> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            Word joined = null;
            for (int n = 3; n >= 2 && joined == null; n--) {
                if (i + n > words.size()) continue;
                var sb = new StringBuilder();
                boolean punct = false;
                for (int k = i; k < i + n; k++) {
                    sb.append(words.get(k).text());
                    punct |= words.get(k).isPunctuation();
                }
                if (!punct && KNOWN.contains(sb.toString())) {
                    joined = new Word(sb.toString(), "nz", words.get(i).start());
                    i += n - 1;
                }
            }
            out.add(joined != null ? joined : words.get(i));
        }
        return out;
    }

    private final Words words;
    private final NumberParser numbers;

    /** Reads messages in {@code words}, with the figures {@code numbers} finds (see {@link Lexicon}). */
    ClauseReader(Words words, NumberParser numbers) {
        this.words = words;
        this.numbers = numbers;
    }

    /**
     * The pieces of {@code text}, in the writer's order.
     *
     * @param defaultKind what an unmarked piece is: {@link Kind#PROBLEM} while the problems part is being asked
     *                    about, {@link Kind#PLAN} for the plans part, {@link Kind#FACT} otherwise
     */
    public List<Piece> read(String text, Kind defaultKind) {
        List<Piece> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        // "转发：【县交通运输局办公室】请各单位于12月20日前报送…": a notice passed on, not the writer's year
        if (FORWARDED.matcher(text).find()) {
            String said = text.strip();
            out.add(new Piece(Kind.ASIDE, said, List.of(said), false));
            return out;
        }
        Kind mode = null; // set by a header ("存在的问题："), holds until the next header
        String label = "";
        for (String raw : sentences(text)) {
            String sentence = ROLE.matcher(raw).replaceFirst("$1这块，协助$2抓好$1工作");
            boolean asked = sentence.endsWith("？") || sentence.endsWith("?");
            List<Item> items = items(stripEdge(sentence));
            for (Item item : items) {
                String body = item.text;
                // A header before a colon or a first clause: "存在的问题：一是…", "不足方面，…", "明年打算，…".
                // "下面说廉政。": the writer names what the next sentences are about, and says nothing else
                Matcher announced = ANNOUNCED.matcher(body);
                if (announced.matches() && !ADDRESS_LABELS.contains(announced.group(1))) {
                    label = announced.group(1);
                    mode = null;
                    // talk, so that a message of only this is answered "好的" and the question asked again
                    out.add(new Piece(Kind.ASIDE, body, List.of(body), item.listed));
                    continue;
                }
                Header h = item.introducesList ? listHeader(body) : null;
                if (h == null) h = header(body);
                if (h != null) {
                    mode = h.kind;
                    label = "";
                    body = h.rest;
                    if (body.isEmpty()) continue;
                } else {
                    // "审判上主要是婚姻家事…": a topic with 上 and what it mainly is, said without a comma
                    body = TOPIC_ON.matcher(body).replaceFirst("$1上，$2");
                    // "人民调解这块全县调委会调处纠纷…": the topic marker without its comma
                    // (not inside a writer's list of plans or problems: "二是农村集体聚餐这块要管起来" is one of them)
                    if (mode == null) body = TOPIC_HERE.matcher(body).replaceFirst("$1$2，");
                    Matcher lm = LABEL.matcher(body);
                    // A label names something: "写吧，…" (a verb) is not one.
                    // "学习上嘛，…": a word the segmenter calls a verb names a topic when a topic marker follows it
                    boolean marked = lm.matches() && body.substring(lm.end(1)).matches("(?s)^(?:方面|这块|这一块|上)(?:吧|啊|呢|嘛)?[，,：:].*")
                            && words.of(lm.group(1)).size() <= 2;
                    boolean names = lm.matches() && (marked || words.of(lm.group(1)).stream()
                            .anyMatch(w -> w.pos().startsWith("n") || w.pos().equals("vn")));
                    if (lm.matches() && TAG.matcher(lm.group(1)).replaceAll("").isBlank()) {
                        // "几个硬数先给你：…": the lead is the writer addressing the assistant, not a label
                        body = lm.group(2);
                    } else if (lm.matches() && names && !hasFigures(lm.group(1)) && talk(lm.group(1)) == null) {
                        // "硬指标先报：…": the label, without the writer saying in what order they tell it
                        label = lm.group(1).strip().replaceFirst("(?<=\\p{IsHan})(?:先|再)(?:报|说|讲|列|给)(?:一下|下)?$", "");
                        // "主业就是宣传这块，…": what the main work is, said before the label itself
                        label = label.replaceFirst("^\\p{IsHan}{1,4}?(?:主要)?(?:就)?是(?=\\p{IsHan}{2,6}$)", "");
                        mode = null;
                        // A label that names content ("防汛这块，…") stays as the clause's lead, "防汛方面"; one that
                        // only says whose ("个人：") or is a word of the genre's headings is dropped.
                        // A label the next clause already names ("学习情况：参加集中学习20次") adds nothing.
                        String rest = lm.group(2);
                        boolean named = wordsOf(label).stream().anyMatch(w -> w.text().length() >= 2
                                && rest.split("[，,；;。]")[0].contains(w.text()));
                        body = ADDRESS_LABELS.contains(label) || named ? rest : label + "方面，" + rest;
                    }
                }
                int start = out.size();
                boolean lastItem = item == items.get(items.size() - 1);
                // Talk, wishes and skips are found clause by clause ("你先回答我，一般写多少字？"); what is left is
                // content or a question, read as a whole.
                List<String> run = new ArrayList<>();
                Piece pointed = null; // "…排第9，这个别写进去，不好看": what the writer takes back, and its reasons
                List<String> bodyClauses = clauses(body);
                for (int ci = 0; ci < bodyClauses.size(); ci++) {
                    // "…泄漏的事你知道吧", "说白了书记是第一责任人": a tag to the listener is not part of the fact
                    String clause = TAG.matcher(bodyClauses.get(ci)).replaceAll("").strip();
                    if (clause.isEmpty()) continue;
                    Kind heard = pointed == null ? null : talk(clause);
                    if (pointed != null && !hasFigures(clause)
                            && (pointed.kind() == Kind.SKIP ? heard == null : heard != Kind.WISH)) {
                        List<String> all = new ArrayList<>(pointed.clauses());
                        all.add(clause);
                        pointed = new Piece(pointed.kind(), pointed.text() + "，" + clause, List.copyOf(all), pointed.listed());
                        out.set(out.size() - 1, pointed);
                        continue;
                    }
                    pointed = null;
                    if (!run.isEmpty() && POINTED_REMOVAL.matcher(clause).lookingAt()) {
                        List<String> all = new ArrayList<>(run);
                        all.add(clause);
                        // "这个别写进去" asks something of the text; "这个不说了" takes back what was said
                        Kind k = clause.contains("写") ? Kind.WISH : Kind.ASIDE;
                        pointed = new Piece(k, String.join("，", all), List.copyOf(all), item.listed);
                        out.add(pointed);
                        run = new ArrayList<>();
                        continue;
                    }
                    Kind m = talk(clause);
                    // "巡察整改这个跳过，今年没轮到我们": the reason for a skip goes with it
                    if (m == Kind.SKIP && run.isEmpty()) {
                        flush(out, run, false, mode, defaultKind, item.listed);
                        pointed = new Piece(Kind.SKIP, clause, List.of(clause), item.listed);
                        out.add(pointed);
                        continue;
                    }
                    // "“学习强国”写的时候要加引号还是书名号？": a question about the text is a question, not a wish
                    if (m == Kind.WISH && asked && lastItem && ci == bodyClauses.size() - 1
                            && (clause.contains("还是") || A_NOT_A.matcher(clause).find() || clause.matches(".*[吗么]$"))) {
                        m = null;
                    }
                    // "我在会上讲过一句“…”，这句能用上不": the saying offered for the text, with the offer
                    if (QUOTE_OFFER.matcher(clause).find()) {
                        m = Kind.WISH;
                        int last = out.size() - 1;
                        if (run.isEmpty() && last >= start && out.get(last).kind() == Kind.ASIDE
                                && out.get(last).text().contains("“")) {
                            Piece said = out.remove(last);
                            List<String> all = new ArrayList<>(said.clauses());
                            all.add(clause);
                            out.add(new Piece(Kind.WISH, said.text() + "，" + clause, List.copyOf(all), item.listed));
                            continue;
                        }
                        if (!run.isEmpty() && run.get(run.size() - 1).contains("“")) {
                            List<String> all = new ArrayList<>(run);
                            all.add(clause);
                            out.add(new Piece(Kind.WISH, String.join("，", all), List.copyOf(all), item.listed));
                            run = new ArrayList<>();
                            continue;
                        }
                    }
                    if (m == null) {
                        run.add(clause);
                        continue;
                    }
                    // "十四五收官之年嘛，这个要体现一下": a wish that points back takes the words it points at.
                    if (m == Kind.WISH && clause.startsWith("这") && !run.isEmpty()
                            && run.stream().noneMatch(this::hasFigures)) {
                        List<String> all = new ArrayList<>(run);
                        all.add(clause);
                        out.add(new Piece(Kind.WISH, String.join("，", all), List.copyOf(all), item.listed));
                        run = new ArrayList<>();
                        continue;
                    }
                    flush(out, run, asked && lastItem, mode, defaultKind, item.listed);
                    run = new ArrayList<>();
                    out.add(new Piece(m, clause, List.of(clause), item.listed));
                }
                flush(out, run, asked && lastItem, mode, defaultKind, item.listed);
                if (!label.isEmpty()) {
                    for (int i = start; i < out.size(); i++) out.set(i, out.get(i).labelled(label));
                }
            }
        }
        return listKinds(withComments(out));
    }

    /**
     * Items of one list are of one kind: "第一，夜学走过场；第二，党建跟经营两张皮；第三，我兼副主任，支部的事老是晚上补" —
     * when two or more items are problems (or plans) and none is of the other kind, an item read as a fact that states no
     * figure is one of them too.
     */
    private List<Piece> listKinds(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>(pieces);
        int i = 0;
        while (i < out.size()) {
            if (!out.get(i).listed()) {
                i++;
                continue;
            }
            int j = i;
            while (j < out.size() && out.get(j).listed()) j++;
            List<Piece> list = out.subList(i, j);
            long problems = list.stream().filter(p -> p.kind() == Kind.PROBLEM).count();
            long plans = list.stream().filter(p -> p.kind() == Kind.PLAN).count();
            Kind shared = problems >= 2 && plans == 0 ? Kind.PROBLEM : plans >= 2 && problems == 0 ? Kind.PLAN : null;
            if (shared != null) {
                for (int k = i; k < j; k++) {
                    Piece p = out.get(k);
                    if (p.kind() == Kind.FACT && !hasFigures(p.text())) {
                        out.set(k, new Piece(shared, p.text(), p.clauses(), true, p.label()));
                    }
                }
            }
            i = j;
        }
        return out;
    }

    /** Tags to the listener inside a clause: "你知道吧", "你懂的", "说白了", "说实话", "咋说呢". */
    private static final Pattern TAG = Pattern.compile(
            "(?:你|您)(?:也)?(?:知道|懂|晓得|明白)(?:的|吧|吗|哈)?(?=$|[，,。！!？?]|\\s)|说白了|说实话|实话实说|咋说呢|怎么说呢|咋说"
                    // "说实话有个事，…": announcing a matter, naming nothing
                    + "|(?:^|(?<=说实话|实话实说|说真的))(?:还)?有(?:个|件)事$"
                    // "先交代下，…", "重点说下那个医共体": the writer announcing what they will say
                    + "|(?:先|重点|再|简单)(?:说|讲|交代|汇报|介绍)(?:一)?下|先(?:交|说|报|算)个(?:底|总账|大账|账)"
                    // "先把大数说了：…": the writer announcing the figures to come
                    + "|^先把(?:大数|几个数|几个大数|数|大账|总账)(?:说了|说一下|说下|报了|报一下|报下|说)$"
                    // "你刚才问的两个，后面那个先答：…": the writer ordering their answers
                    + "|^(?:你|您)?刚才问的(?:两个|俩|几个|[0-9]个)$|^(?:后面|前面|第一个|第二个|后一个|前一个)那个(?:先答|先说|我先说|先回答)?$"
                    // "说说我那摊：…": the writer announcing their own remit
                    + "|(?:说说|讲讲|汇报下|说下)(?:我|我们)?(?:的)?(?:那摊|这摊|那块|这块|分管的)"
                    // "几个硬数先给你：", "跟你说": the writer addressing the assistant
                    + "|(?:先|再)?(?:给|跟|和)(?:你|您)(?:说|讲|报|汇报)?(?:一)?下?(?=$|[：:，,])"
                    // "你问的两个一起说：": the writer answering two questions at once
                    + "|(?:你|您)(?:刚才)?问的\\p{IsHan}{0,4}?(?:一起|一块|一并|都)(?:说|答|回答)(?:了|下|一下)?"
                    + "|^(?:先|再)?(?:说|报)?(?:几个|一些)(?:硬|主要|关键)?数(?:字|据)?(?=$|[：:，,]|先|再|给|跟|和)"
                    // chat emoji: "[捂脸]", "[微笑]", and emoji characters
                    + "|\\[[\\p{IsHan}A-Za-z]{1,4}\\]|[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{200D}\\x{FE0F}]");

    /** A complaint about the year's load. */
    private static final Pattern COMPLAINT = Pattern.compile(
            "扛不住|顶不住|吃不消|受不了|熬废|累垮|累趴|累坏|累死|烦死|忙死|折腾死|气死|闹心|追着跑|没歇过|连轴转|人少事杂|事多人少|翻来覆去|头疼|头大|头都大|得罪人|没人说一句好|(?:累|忙)得够呛"
                    + "|(?:腰|腿|脚|嗓子|眼睛|胳膊|肩膀)(?:都|也)?(?:快)?(?:断|哑|肿|磨破|疼|酸|废)"
                    + "|吃力不讨好|(?:又(?:要|是)\\p{IsHan}{1,6}又(?:要|是))|不是人干的|真是服了|睡不到(?:几个)?(?:整觉|觉)"
                    + "|(?:老婆|媳妇|老公|家里人|孩子)(?:都)?(?:说|讲|问|嫌|埋怨)|电话被打爆|电话打爆|两头受气|两头不是人");

    /** How long or hard it went on, said before a complaint: "那阵子天天扛箱子". */
    private static final Pattern HARDSHIP = Pattern.compile("那阵子|那段时间|那几天|那一个月|那个月|那几个月|天天|整天|成天|每天都|白天黑夜|没日没夜|住在工地");

    /** Words about the text being written or read: a remark after a wish that holds one is the wish's reason. */
    private static final Pattern ABOUT_THE_TEXT = Pattern.compile(
            "写|念|读|看了|看到|要看|爱看|看的是|听了|稿子|材料|数字|述职|述责述廉|总结|报告|篇幅|字数");

    /** Degree words and frames of a comment: "分数还挺高的", "每年都差不多", "成绩是大家干的", "就是个小局". */
    private static final Pattern COMMENT = Pattern.compile(
            "挺|很|太|最|特别|比较|蛮|差不多|^.*是.+的$|就是个|天天|都没|没怎么|看着|读着|听着|这行|这一行|没说|没讲|没定|没规定");

    /**
     * A short remark right after a question, wish or aside belongs to it: "学习强国积分要写进去吗？分数还挺高的",
     * "写的时候语气谦虚点，成绩是大家干的". It is a remark when it holds no figure, is at most six words, and reads as a
     * comment (a degree word, or 是…的); "这个要写吗？我们搞了读书会" keeps its fact.
     */
    private List<Piece> withComments(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            Piece prev = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean talkBefore = prev != null
                    && (prev.kind() == Kind.QUESTION || prev.kind() == Kind.WISH || prev.kind() == Kind.ASIDE);
            boolean sameTalk = prev != null && prev.kind() == p.kind()
                    && (p.kind() == Kind.QUESTION || p.kind() == Kind.WISH) && prev.listed() == p.listed()
                    // "…能直接写吗？还是得写全称": the other way the question weighs
                    || prev != null && prev.kind() == Kind.QUESTION && p.text().startsWith("还是") && !hasFigures(p.text());
            // after a complaint ("今年是真扛不住"), what follows in its sentence without a figure is the complaint going on
            boolean complaint = prev != null && prev.kind() == Kind.ASIDE && COMPLAINT.matcher(prev.text()).find();
            // after a wish, "我们这行最怕写虚了，老兵看了要骂的" says why the text should read so
            boolean why = prev != null && prev.kind() == Kind.WISH && ABOUT_THE_TEXT.matcher(p.text()).find();
            boolean content = p.kind() == Kind.FACT || p.kind() == Kind.PROBLEM || why && p.kind() == Kind.PLAN;
            if (sameTalk || talkBefore && content && !p.listed()
                    && !hasFigures(p.text())
                    && (complaint || why || words.of(p.text()).stream().filter(w -> !w.isPunctuation()).count() <= 6
                    && COMMENT.matcher(p.text()).find())) {
                List<String> clauses = new ArrayList<>(prev.clauses());
                clauses.addAll(p.clauses());
                out.set(out.size() - 1, new Piece(prev.kind(), prev.text() + "，" + p.text(), List.copyOf(clauses),
                        prev.listed(), prev.label()));
                continue;
            }
            // "搬库那阵子天天扛箱子，腰都快断了": what the complaint is about, said just before it without a figure
            if (prev != null && p.kind() == Kind.ASIDE && COMPLAINT.matcher(p.text()).find() && prev.kind() == Kind.FACT
                    && !prev.listed() && !hasFiguresBesidesTime(prev.text()) && HARDSHIP.matcher(prev.text()).find()
                    && words.of(prev.text()).stream().filter(w -> !w.isPunctuation()).count() <= 10) {
                List<String> clauses = new ArrayList<>(prev.clauses());
                clauses.addAll(p.clauses());
                out.set(out.size() - 1, new Piece(Kind.ASIDE, prev.text() + "，" + p.text(), List.copyOf(clauses),
                        false, prev.label()));
                continue;
            }
            out.add(p);
        }
        // "写的时候朴实点，我们所里都是干活的人，念出来要像…": a short remark between two wishes (or questions) is theirs
        for (int i = 1; i + 1 < out.size(); i++) {
            Piece before = out.get(i - 1);
            Piece mid = out.get(i);
            Piece after = out.get(i + 1);
            boolean talk = before.kind() == after.kind() && (before.kind() == Kind.WISH || before.kind() == Kind.QUESTION);
            boolean content = mid.kind() == Kind.FACT || mid.kind() == Kind.PROBLEM || mid.kind() == Kind.PLAN;
            if (talk && content && !mid.listed() && !hasFigures(mid.text())
                    && words.of(mid.text()).stream().filter(w -> !w.isPunctuation()).count() <= 12) {
                List<String> clauses = new ArrayList<>(before.clauses());
                clauses.addAll(mid.clauses());
                clauses.addAll(after.clauses());
                out.set(i - 1, new Piece(before.kind(), before.text() + "，" + mid.text() + "，" + after.text(),
                        List.copyOf(clauses), before.listed(), before.label()));
                out.remove(i + 1);
                out.remove(i);
                i--;
            }
        }
        return out;
    }

    private void flush(List<Piece> out, List<String> run, boolean asked, Kind mode, Kind defaultKind,
                              boolean listed) {
        if (run.isEmpty()) return;
        String text = String.join("，", run);
        if (isQuestion(text, asked)) {
            out.add(new Piece(Kind.QUESTION, text, List.copyOf(run), listed));
            return;
        }
        Kind kind = kindOf(text, mode, defaultKind);
        // Without a header, a sentence may tell an achievement and its shortfall: "党课讲了4次，但质量不太高".
        boolean mixed = mode == null && kind == Kind.PROBLEM && defaultKind != Kind.PROBLEM
                && run.stream().anyMatch(c -> hasFigures(c) && !isProblem(wordsOf(c)));
        if (mixed) kind = Kind.FACT;
        out.addAll(split(kind, run, listed));
    }

    /**
     * What a message says about the year — its achievements, problems and plans, each piece a sentence — without
     * its questions, wishes, asides and skips: what a model may extract facts from.
     */
    public String contentOf(String text, Kind defaultKind) {
        List<String> out = new ArrayList<>();
        for (Piece p : read(text, defaultKind)) {
            if (p.kind() == Kind.FACT || p.kind() == Kind.PROBLEM || p.kind() == Kind.PLAN) out.add(p.text());
        }
        return out.isEmpty() ? "" : String.join("。", out) + "。";
    }

    /** The questions a message asks the assistant. */
    public List<String> questionsOf(String text) {
        return read(text, Kind.FACT).stream().filter(p -> p.kind() == Kind.QUESTION).map(Piece::text).toList();
    }

    // -- sentences, list items, headers -------------------------------------------------------------------------

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        // "2026年是开局之年，打算：…；…": a header after a first clause starts a sentence of its own
        String split = MID_HEADER.matcher(text.replace('\u3000', ' ')).replaceAll("。$1");
        // "1️⃣欠租清欠难", a line "1 城中村改造…": list numbers typed as keycaps or as a digit and a space
        split = KEYCAP.matcher(split).replaceAll("$1、");
        split = LINE_NUMBER.matcher(split).replaceAll("$1、");
        // "党员先锋岗设了几个我得翻一下本子": the count left open, then the writer's errand, as two clauses
        split = LOOK_UP.matcher(split).replaceAll("，");
        // "理论学习这块 支部集中学习搞了十一次 基本都放在周三下午": a line typed by voice, spaces for commas
        StringBuilder lines = new StringBuilder();
        for (String line : split.split("(?<=\\n)")) {
            boolean unpunctuated = !line.matches("(?s).*[，,。；;！!？?：:、].*");
            Matcher gaps = VOICE_GAP.matcher(line);
            long n = gaps.results().count();
            lines.append(unpunctuated && n >= 2 ? VOICE_GAP.matcher(line).replaceAll("，") : line);
        }
        split = lines.toString();
        Matcher m = SENTENCE.matcher(split);
        while (m.find()) {
            String s = m.group().strip();
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }

    /** A piece of a sentence between list markers; {@code introducesList}: it ends in a colon and a list follows. */
    private record Item(String text, boolean listed, boolean introducesList) {
        Item(String text, boolean listed) {
            this(text, listed, false);
        }
    }

    /** A sentence cut at the writer's list markers: "问题：一是A；二是B" → "问题：", "A", "B". */
    private List<Item> items(String sentence) {
        List<Item> out = new ArrayList<>();
        Matcher m = LIST_MARKER.matcher(sentence);
        int from = 0;
        boolean listed = false;
        while (m.find()) {
            if (isOrdinalWord(sentence, m)) continue;
            String raw = sentence.substring(from, m.start()).strip();
            String before = stripEdge(raw);
            if (!before.isEmpty()) out.add(new Item(before, listed, raw.matches("(?s).*[：:，,]$")));
            from = m.end();
            listed = true;
        }
        String rest = stripEdge(sentence.substring(from));
        if (!rest.isEmpty()) out.add(new Item(rest, listed));
        return out;
    }

    /** "第一议题", "一是一" and "1.5倍" are words, not list markers. */
    private boolean isOrdinalWord(String sentence, Matcher m) {
        String marker = m.group().strip();
        // "1是…；2是…": a one-digit ordinal with 是 right after a clause break; "31是上半年的数" never matches (the 1 follows
        // a digit), and a figure with 是 after it ("，3是…") would need the writer to mean a list to read as one
        if (marker.matches("[1-9１-９]是.*")) return false;
        if (marker.startsWith("第") || marker.matches("[一二三四五六七八九十]{1,2}是.*")) {
            // A fixed term that starts here ("第一议题", "一是一") keeps its numeral.
            for (String term : numbers.fixedTerms()) {
                if (sentence.startsWith(term, m.start())) return true;
            }
        }
        return false;
    }

    private record Header(Kind kind, String rest) {
    }

    /** A header at the start of an item and what follows it; null when the item starts with content. */
    private Header header(String item) {
        String[] parts = item.split("[：:，,]", 2);
        String head = stripEdge(parts[0]);
        if (head.isEmpty() || head.length() > 16) return null;
        List<Word> words = wordsOf(head);
        boolean problem = false;
        boolean plan = false;
        for (Word w : words) {
            if (w.isPunctuation()) continue;
            if (PROBLEM_HEADS.contains(w.text())) problem = true;
            else if (PLAN_HEADS.contains(w.text())) plan = true;
            else if (!HEADER_FILLER.contains(w.text()) && !w.isNumeral() && !w.isMeasure()) return null;
        }
        if (problem == plan) return null; // neither, or "问题和打算" — not a header to trust
        String rest = parts.length > 1 ? stripEdge(parts[1]) : "";
        return new Header(problem ? Kind.PROBLEM : Kind.PLAN, rest);
    }

    /**
     * A looser header: words before a colon that opens a numbered list, naming problems or plans in the writer's own
     * way ("问题我先列一下，免得后面忘：一是…"). Without a figure, the whole of it is the header.
     */
    private Header listHeader(String item) {
        if (item.length() > 30 || hasFigures(item)) return null;
        boolean problem = false;
        boolean plan = false;
        for (Word w : wordsOf(item)) {
            if (PROBLEM_HEADS.contains(w.text())) problem = true;
            if (PLAN_HEADS.contains(w.text()) || PLAN_TIME.contains(w.text())) plan = true;
        }
        if (problem == plan) return null;
        return new Header(problem ? Kind.PROBLEM : Kind.PLAN, "");
    }

    // -- what a piece is ---------------------------------------------------------------------------------------

    /** A wish, an aside or a skip said in a clause; null for content (or a question, told apart by {@link #isQuestion}). */
    Kind talk(String clause) {
        String s = clause.strip();
        boolean counts = numbers.find(s).stream().anyMatch(q -> !q.unit().equals("字") && !q.unit().isEmpty());
        if (isSkip(s)) return Kind.SKIP;
        if (ASIDE.matcher(s).find() && (!counts || s.length() <= 12)) return Kind.ASIDE;
        if (WISH.matcher(s).find() && !counts) return Kind.WISH;
        return null;
    }

    /** A question to the assistant: it ends in "？" or reads as one, and it states no figure of the year. */
    boolean isQuestion(String text, boolean endsWithQuestionMark) {
        // "三条够不够", "写五千字合适不合适": an A-not-A form ending the clause asks, whatever figure it weighs
        if (A_NOT_A_END.matcher(text).find()) return true;
        // "“一人所”这个词能直接写进去吗": a numeral inside a quoted name is not a figure of the year
        List<Quantity> figures = numbers.find(QUOTED.matcher(text).replaceAll("“”")).stream()
                .filter(q -> !q.unit().equals("字") && !q.unit().isEmpty()).toList();
        if (!figures.isEmpty()) {
            // "党课是不是书记一年得讲够4次？": the figure is inside what is asked, not a fact of the year.
            Matcher m = A_NOT_A.matcher(text);
            return endsWithQuestionMark && m.find() && m.start() < text.indexOf(figures.get(0).raw());
        }
        return endsWithQuestionMark || QUESTION_WORDS.matcher(text).find() || QUESTION_SHAPES.matcher(text).find();
    }

    private static final Set<String> SKIP_WORDS = words("跳过", "这个跳过", "这项跳过", "这个没有", "这块没有",
            "这方面没有", "没有", "暂无", "没开展", "未开展", "不涉及", "这个不涉及", "没这个", "没搞", "没有搞", "没弄",
            "下一个", "下一题", "这个不清楚", "不清楚", "记不清了", "不记得了", "先跳过", "略过", "空着", "先空着",
            "留空", "先留空", "这个空着");

    private static boolean isSkip(String s) {
        String bare = s.replaceAll("[吧呢啊呀哈嘛了。！!，,\\s]+$", "");
        // "这个先跳过", "这项也先略过": what is skipped named first, then the skip
        // "巡察整改这个跳过": the topic named, then the skip
        String said = bare.replaceFirst("^(?:\\p{IsHan}{2,8}?(?=这个|这项|这块))?(?:这个|这项|这块|这一项|这方面)?(?:就|也)?先?", "");
        return SKIP_WORDS.contains(bare) || !said.equals(bare) && SKIP_WORDS.contains(said);
    }

    /** The kind of a content piece: its own words first, then the header's mode, then the open question's part. */
    Kind kindOf(String piece, Kind mode, Kind defaultKind) {
        List<Word> words = wordsOf(piece);
        boolean plan = isPlan(words);
        boolean problem = isProblem(words);
        if (mode == Kind.PLAN) return Kind.PLAN;
        if (mode == Kind.PROBLEM) return plan && startsWithTime(words) ? Kind.PLAN : Kind.PROBLEM;
        if (plan) return Kind.PLAN;
        if (problem) return Kind.PROBLEM;
        // Asked about problems, a writer who states an achievement with figures is not confessing a weakness.
        if (defaultKind == Kind.PROBLEM && hasFigures(piece)) return Kind.FACT;
        // Asked about plans, "分管3个股室，开了4次廉政提醒谈话" tells what was done, not what will be.
        if (defaultKind == Kind.PLAN && hasFigures(piece) && DONE.matcher(piece).find()) return Kind.FACT;
        return defaultKind == null ? Kind.FACT : defaultKind;
    }

    /** "那一个月我基本就住在工地上": how long it went on is no figure of the year's work. */
    private boolean hasFiguresBesidesTime(String piece) {
        return numbers.find(piece).stream().anyMatch(q -> !q.unit().isEmpty() && !SPANS_OF_TIME.contains(q.unit()));
    }

    private static final Set<String> SPANS_OF_TIME = Set.of("个月", "月", "天", "周", "年", "个星期", "星期");

    private boolean hasFigures(String piece) {
        return numbers.find(piece).stream().anyMatch(q -> !q.unit().isEmpty());
    }

    static boolean isProblem(List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).text();
            boolean hit = PROBLEM_WORDS.contains(w)
                    || (w.equals("问题") && !solvedBefore(words, i) && !countedAfter(words, i))
                    || ((w.equals("不") || w.equals("没") || w.equals("未") || w.equals("没有")) && i + 1 < words.size()
                    && weakAfterNot(words.get(i + 1).text()))
                    || ((w.equals("还") || w.equals("仍") || w.equals("仍然") || w.equals("还是")) && i + 1 < words.size()
                    && Set.of("需", "需要", "要", "有待", "存在").contains(words.get(i + 1).text()))
                    || (w.startsWith("不") && w.length() >= 2 && WEAK_AFTER_NOT.contains(w.substring(1)));
            if (hit && !solvedBefore(words, i)) return true;
        }
        return false;
    }

    /** "深入", "太高" (不太高), "够" (不够): what 不 turns into a shortfall. */
    private static boolean weakAfterNot(String next) {
        return WEAK_AFTER_NOT.contains(next) || next.length() >= 2 && WEAK_FIRST.indexOf(next.charAt(0)) >= 0
                && (next.charAt(0) == '太' || next.charAt(0) == '够' || next.charAt(0) == '很')
                || next.length() == 1 && WEAK_FIRST.indexOf(next.charAt(0)) >= 0;
    }

    private static final String WEAK_FIRST = "深强高多紧实细够大好太足透准精严硬新清很";

    /**
     * "整改问题", "解决了浇注气孔的问题", "补齐…短板", "巡河问题整改了156个": a solving verb in the same clause, up to eight
     * words before (quotation marks not counted) or two after.
     */
    private static boolean solvedBefore(List<Word> words, int i) {
        for (int j = i - 1, seen = 0; j >= 0 && seen < 8; j--) {
            // "整治了养老机构护理员收“红包”的问题": quotation marks do not end the clause
            if (QUOTE_MARKS.contains(words.get(j).text())) continue;
            if (words.get(j).isPunctuation()) break;
            seen++;
            if (SOLVING_VERBS.contains(words.get(j).text())) return true;
        }
        for (int j = i + 1; j < Math.min(words.size(), i + 3); j++) {
            if (words.get(j).isPunctuation()) break;
            if (SOLVING_VERBS.contains(words.get(j).text()) || SOLVED_AFTER.contains(words.get(j).text())) return true;
        }
        return false;
    }

    private static final Set<String> QUOTE_MARKS = Set.of("“", "”", "‘", "’", "《", "》", "\"");

    private static final Set<String> SOLVED_AFTER = words("已整改", "整改完", "解决", "办结", "销号", "清零", "化解",
            "得到解决", "全部整改", "整改到位");

    /** "问题6项": a problem word with a count after it is a tally of work done. */
    private static boolean countedAfter(List<Word> words, int i) {
        return i + 1 < words.size() && words.get(i + 1).isNumeral();
    }

    static boolean isPlan(List<Word> words) {
        int content = 0;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (w.isPunctuation()) continue;
            if (PLAN_TIME.contains(w.text())) return true;
            // An intention verb counts near the start: "准备每月开展…", "我们打算…"; inside a clause "按计划完成" does not.
            if (content <= 2 && PLAN_VERBS.contains(w.text()) && !w.text().equals("要") && !w.text().equals("将")
                    && !w.text().equals("继续") && !w.text().equals("持续") && !w.text().equals("想")
                    && !w.text().equals("努力") && !w.text().equals("着力")) {
                return !(w.text().equals("计划") && i + 1 < words.size() && words.get(i + 1).text().startsWith("完成"));
            }
            content++;
        }
        return false;
    }

    private static boolean startsWithTime(List<Word> words) {
        for (Word w : words) {
            if (w.isPunctuation()) continue;
            return PLAN_TIME.contains(w.text());
        }
        return false;
    }

    // -- one piece or several -----------------------------------------------------------------------------------

    /**
     * A content item as pieces. A problem sentence that names several shortfalls ("学习不够深入，有的党员光念稿子，
     * 组织生活形式单一") becomes one piece per shortfall: a new one starts at each clause with a problem word of its own,
     * and clauses without one are its example. Facts and plans stay one piece; the extractor routes their clauses.
     */
    private List<Piece> split(Kind kind, List<String> clauses, boolean listed) {
        if (clauses.isEmpty()) return List.of();
        // A fact sentence may carry a shortfall in a clause of its own: "党课讲了4次，但质量不太高".
        if (kind == Kind.FACT && clauses.size() > 1) return factWithShortfalls(clauses, listed);
        return List.of(piece(kind, clauses, listed));
    }

    /**
     * Whether a clause of a problem opens a new shortfall rather than describing the one before ("比如…", "有的…"
     * describe): it has a shortfall word of its own and does not lean on the clause before.
     */
    public boolean opensShortfall(String clause) {
        if (!isProblem(wordsOf(clause))) return false;
        return !clause.matches("^(?:比如|例如|像|如|有的|有些|个别|部分|少数|特别是|尤其是|主要是|导致|造成|以致|结果|所以|因此|"
                + "甚至|还有的|也有).*");
    }

    /**
     * An achievement sentence with shortfalls in it: a clause with a shortfall word and no figure opens a problem
     * ("但质量不太高"), the clauses after it without figures describe it, and a clause with figures is an achievement
     * again.
     */
    private List<Piece> factWithShortfalls(List<String> clauses, boolean listed) {
        List<Piece> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        Kind current = Kind.FACT;
        boolean first = true;
        for (String c : clauses) {
            boolean figures = hasFigures(c);
            List<Word> words = wordsOf(c);
            boolean shortfall = !figures && isProblem(words);
            // "…，准备在两个镇再复制", "…，还得把流动党员管起来": an intention said in passing, after what was done
            // (a clause of the intention word alone, "打算：", introduces what follows and stays where it is)
            boolean plan = c.length() > 3 && !NOT_INTENT.matcher(c).lookingAt() && (INTENT_START.matcher(c).lookingAt()
                    || !first && (!figures && isPlan(words) || words.stream().anyMatch(w -> PLAN_TIME.contains(w.text()))));
            first = false;
            // "问题就是一线采编人太少，就11个": a figure that says how little describes the shortfall before it
            boolean little = figures && current == Kind.PROBLEM && LITTLE.matcher(c).lookingAt();
            Kind kind = plan ? Kind.PLAN : shortfall || little ? Kind.PROBLEM : figures ? Kind.FACT : current;
            if (kind != current && !run.isEmpty()) {
                out.add(piece(current, run, listed));
                run = new ArrayList<>();
            }
            current = kind;
            run.add(kind == Kind.PROBLEM && run.isEmpty() ? withoutProblemLead(CONJUNCTION.matcher(c).replaceFirst("")) : c);
        }
        if (!run.isEmpty()) out.add(piece(current, run, listed));
        return out;
    }

    /** Words of something done: "开了4次", "没出过", "已完成". */
    private static final Pattern DONE = Pattern.compile("(?<=\\p{IsHan})了(?![解])|过(?=\\p{IsHan}|[0-9，,。]|$)(?<![不难])|已经|已(?=\\p{IsHan})");

    /** A figure said as how little there is: "就11个", "才380万", "只有3人". */
    private static final Pattern LITTLE = Pattern.compile("^(?:一共|总共|全部|全)?(?:就|才|只|仅|只有|仅有)(?=[0-9一二三四五六七八九十两几])");

    /** A clause opening with an intention: "准备…", "还得把…", "打算…". */
    private static final Pattern INTENT_START = Pattern.compile(
            "^(?:\\p{IsHan}{1,6}?还得(?!了|到|奖)|还得(?!了|到|奖)|得把|要把|还需要?把|准备|打算|争取|力争)(?=\\p{IsHan}{2})");
    /** Nouns that open with an intention verb: "准备工作做得很细", "争取资金1,200万元". */
    private static final Pattern NOT_INTENT = Pattern.compile("^(?:准备(?:工作|阶段|金|会)|争取(?:资金|到|了|项目))");

    /** "问题就是一线采编人太少" → "一线采编人太少": the word 问题 leading what the problem is. */
    private static final Pattern PROBLEM_LEAD = Pattern.compile("^(?:(?:最大|主要|突出)的?)?问题(?:主要)?(?:就)?是(?=\\p{IsHan}{3})");

    static String withoutProblemLead(String clause) {
        return PROBLEM_LEAD.matcher(clause).replaceFirst("");
    }

    private static Piece piece(Kind kind, List<String> clauses, boolean listed) {
        if (kind == Kind.PROBLEM && !clauses.isEmpty()) {
            List<String> all = new ArrayList<>(clauses);
            all.set(0, withoutProblemLead(all.get(0)));
            clauses = all;
        }
        return new Piece(kind, String.join("，", clauses), List.copyOf(clauses), listed);
    }

    /** The clauses of an item, fillers off their ends; clauses left empty are dropped. */
    static List<String> clauses(String item) {
        List<String> out = new ArrayList<>();
        Matcher m = CLAUSE.matcher(item);
        int from = 0;
        while (m.find()) {
            // "讲过一句“民政的钱是救命钱，一分一厘都不能乱动”": a comma inside a quotation does not end a clause
            if (insideQuote(item, m.start())) continue;
            String c = cleanClause(item.substring(from, m.start()));
            if (!c.isEmpty()) out.add(c);
            from = m.end();
        }
        String c = cleanClause(item.substring(from));
        if (!c.isEmpty()) out.add(c);
        return out;
    }

    /** Whether {@code at} is between an opening “ and its closing ” (a quote left open to the end does not count). */
    private static boolean insideQuote(String text, int at) {
        int open = text.lastIndexOf('“', at);
        if (open < 0) return false;
        int closedBefore = text.lastIndexOf('”', at);
        return closedBefore < open && text.indexOf('”', at) > at;
    }

    private static String cleanClause(String raw) {
        String s = stripEdge(raw);
        String before;
        do {
            before = s;
            s = stripEdge(LEADING_FILLER.matcher(s).replaceFirst(""));
        } while (!s.equals(before) && !s.isEmpty());
        s = balanceQuotes(s);
        if (EMPTY_CLAUSES.contains(s.replaceAll("[吧呢啊呀哈嘛]+$", ""))) return "";
        boolean content = s.codePoints().anyMatch(c -> Character.isIdeographic(c) || Character.isDigit(c));
        return content && s.length() >= 2 ? s : "";
    }

    /**
     * A clause cut out of a sentence may hold one half of a quoted name ("“三会一课”基本…" keeps its opening quote;
     * a stray closing quote at the start is dropped).
     */
    static String balanceQuotes(String s) {
        String t = s;
        while (t.startsWith("”") && count(t, '”') > count(t, '“')) t = t.substring(1);
        while (t.endsWith("“") && count(t, '“') > count(t, '”')) t = t.substring(0, t.length() - 1);
        return t;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    static String stripEdge(String s) {
        return EDGE.matcher(s == null ? "" : s.strip()).replaceAll("");
    }
}
