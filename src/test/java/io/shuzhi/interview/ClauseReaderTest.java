package io.shuzhi.interview;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.interview.ClauseReader.Kind;
import io.shuzhi.interview.ClauseReader.Piece;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a message is cut and what each piece is, as a table: message → "KIND:text" per piece. */
class ClauseReaderTest {
    private static final ClauseReader READER = LEXICON.clauseReader();

    static Stream<Arguments> messages() {
        return Stream.of(
                // achievements, with the writer's spoken words kept for the drafter to rewrite
                row(Kind.FACT, "今年我们一共发了学习书籍36册，搞了12次集中学习",
                        "FACT:今年我们一共发了学习书籍36册，搞了12次集中学习"),
                row(Kind.FACT, "今年解决群众急难愁盼问题23个，整改问题6项，补齐短板",
                        "FACT:今年解决群众急难愁盼问题23个，整改问题6项，补齐短板"),
                row(Kind.FACT, "“三会一课”基本落实，召开支委会12次", "FACT:“三会一课”基本落实，召开支委会12次"),
                row(Kind.FACT, "全年没有发生违纪违法案件", "FACT:全年没有发生违纪违法案件"),
                row(Kind.FACT, "班子成员不断增强责任意识", "FACT:班子成员不断增强责任意识"),
                // an achievement and its shortfall in one sentence
                row(Kind.FACT, "党课讲了4次，但是质量不太高", "FACT:党课讲了4次", "PROBLEM:质量不太高"),
                // the writer's own list of problems, whatever question is open
                row(Kind.FACT, "存在的问题：一是学习不够深入，有的党员开会光念稿子；二是组织生活形式单一。",
                        "PROBLEM:学习不够深入，有的党员开会光念稿子", "PROBLEM:组织生活形式单一"),
                row(Kind.FACT, "不足方面，党建和业务融合还不够，两张皮的问题没解决。",
                        "PROBLEM:党建和业务融合还不够，两张皮的问题没解决"),
                // the writer's topic marker after the header word ("问题的话：", "问题嘛，") is part of the header
                row(Kind.FACT, "问题的话：监督还是偏软，日常监督抓早抓小不够",
                        "PROBLEM:监督还是偏软，日常监督抓早抓小不够"),
                row(Kind.FACT, "下一步的话，每季度开一次廉政谈话", "PLAN:每季度开一次廉政谈话"),
                row(Kind.FACT, "短板主要是：1.年轻干部经验不足 2.信息化建设滞后",
                        "PROBLEM:年轻干部经验不足", "PROBLEM:信息化建设滞后"),
                row(Kind.FACT, "我觉得最大的问题是调研不深入，很多时候坐在办公室定方案",
                        "PROBLEM:我觉得最大的问题是调研不深入，很多时候坐在办公室定方案"),
                // plans, with or without a header
                row(Kind.FACT, "明年打算：1.每月搞一次专题研讨 2.力争发展党员2名",
                        "PLAN:每月搞一次专题研讨", "PLAN:力争发展党员2名"),
                row(Kind.FACT, "下一步准备推行党建业务同考核。", "PLAN:下一步准备推行党建业务同考核"),
                row(Kind.FACT, "今后要把谈心谈话做得更经常", "PLAN:今后要把谈心谈话做得更经常"),
                row(Kind.FACT, "按计划完成全部培训任务", "FACT:按计划完成全部培训任务"),
                // a problem header, then plans in a sentence of their own
                row(Kind.FACT, "不足方面，学习不够深入。下一步准备每月开展一次研讨。",
                        "PROBLEM:学习不够深入", "PLAN:下一步准备每月开展一次研讨"),
                // the open question decides only what has no word of its own
                row(Kind.PROBLEM, "个别党员满足于读原文、记笔记", "PROBLEM:个别党员满足于读原文、记笔记"),
                row(Kind.PLAN, "每季度开展一次主题党日", "PLAN:每季度开展一次主题党日"),
                row(Kind.PROBLEM, "今年发展党员2名", "FACT:今年发展党员2名"),
                // questions, wishes, asides, skips
                row(Kind.FACT, "党课一年讲几次比较合适？", "QUESTION:党课一年讲几次比较合适"),
                row(Kind.FACT, "一般写多少字", "QUESTION:一般写多少字"),
                row(Kind.FACT, "这段帮我写得有文采些", "WISH:这段帮我写得有文采些"),
                row(Kind.FACT, "全文控制在3000字左右", "WISH:全文控制在3000字左右"),
                row(Kind.FACT, "之前不是讲过了吗", "ASIDE:之前不是讲过了吗"),
                row(Kind.FACT, "前面提过了", "ASIDE:前面提过了"),
                row(Kind.FACT, "你先回答我，一般写多少字？", "ASIDE:你先回答我", "QUESTION:一般写多少字"),
                row(Kind.FACT, "领导催得紧，谈心谈话搞了46人次", "ASIDE:领导催得紧", "FACT:谈心谈话搞了46人次"),
                row(Kind.FACT, "这个跳过", "SKIP:这个跳过"),
                row(Kind.FACT, "这块没有", "SKIP:这块没有"),
                // fillers and empty clauses
                row(Kind.FACT, "嗯，好的，我们支部召开党员大会6次，就这些。", "FACT:召开党员大会6次"),
                // 第一议题 is a word, not a list marker
                row(Kind.FACT, "第一议题学习15次，涉及重要讲话32篇", "FACT:第一议题学习15次，涉及重要讲话32篇"),
                // the writer's labels: one that says whose is dropped, one that names content leads the clause
                row(Kind.FACT, "个人方面：八项规定严格执行，节日不收礼", "FACT:八项规定严格执行，节日不收礼"),
                row(Kind.FACT, "防汛这块，提前转移群众1,420人", "FACT:防汛方面，提前转移群众1,420人"),
                // a problem solved is work done; "以后" is not next year
                row(Kind.FACT, "巡河问题整改了156个", "FACT:巡河问题整改了156个"),
                row(Kind.FACT, "攻关小组解决了浇注气孔的问题，废品率从3.2%降到1.9%",
                        "FACT:攻关小组解决了浇注气孔的问题，废品率从3.2%降到1.9%"),
                row(Kind.FACT, "水资源费改成水资源税以后，征收水资源税2.3亿元", "FACT:水资源费改成水资源税以后，征收水资源税2.3亿元"),
                // a header that counts its items
                row(Kind.FACT, "下一步再加两条：力争满意度保持99%以上；每半年开展一次排查",
                        "PLAN:力争满意度保持99%以上", "PLAN:每半年开展一次排查"),
                // a wish that points back takes what it points at
                row(Kind.FACT, "十四五收官之年嘛，这个要体现一下", "WISH:十四五收官之年嘛，这个要体现一下"),
                // a question with its figure inside what is asked; the writer's own figure after it is a fact
                row(Kind.FACT, "党课是不是一年得讲够4次？我才讲了3次", "QUESTION:党课是不是一年得讲够4次", "FACT:我才讲了3次"),
                // a question that does not end its clause, and a remark on it
                row(Kind.FACT, "一岗双责能一起写吗？会不会重复", "QUESTION:一岗双责能一起写吗，会不会重复"),
                row(Kind.FACT, "学习强国积分要写进去吗？分数还挺高的", "QUESTION:学习强国积分要写进去吗，分数还挺高的"),
                row(Kind.FACT, "这个服务队算党建还是算业务？写在哪块好", "QUESTION:这个服务队算党建还是算业务，写在哪块好"),
                // a question after a fact does not take the fact; a plain fact after a question stays a fact
                row(Kind.FACT, "这个要写吗？我们办了读书会", "QUESTION:这个要写吗", "FACT:办了读书会"),
                // how the draft is written, said in several clauses, with a remark
                row(Kind.FACT, "写的时候别太空，多用我们站的实际例子", "WISH:写的时候别太空，多用我们站的实际例子"),
                row(Kind.FACT, "帮我写得实在点，我们就是个小局", "WISH:帮我写得实在点，就是个小局"),
                // a tag to the listener is dropped from the fact
                row(Kind.FACT, "去年那次泄漏的事你知道吧，今年园区整改完了", "FACT:去年那次泄漏的事，今年园区整改完了"),
                // what someone else wants of the text is a wish; what a superior asked of the work is a fact
                row(Kind.FACT, "院长说述职要有点人情味", "WISH:院长说述职要有点人情味"),
                row(Kind.FACT, "上级要求要在年底前完成整改，提前1个月完成", "FACT:上级要求要在年底前完成整改，提前1个月完成"),
                // the writer announcing what they will say, and complaints about the load, are not facts
                row(Kind.FACT, "先交代下，所管6个乡镇，用户4.3万户", "FACT:所管6个乡镇，用户4.3万户"),
                row(Kind.FACT, "业务上主要是三块：迎峰度夏，最高到了8.6万千瓦", "ASIDE:主要是三块", "FACT:迎峰度夏，最高到了8.6万千瓦"),
                row(Kind.FACT, "连着抢了三天，全部复电了，人都熬废了", "FACT:连着抢了三天，全部复电了", "ASIDE:人都熬废了"),
                // a complaint goes on without figures; a figure after it is a fact again
                row(Kind.FACT, "说实话今年是真扛不住，天天加班写判决，家里孩子都没怎么管",
                        "ASIDE:今年是真扛不住，天天加班写判决，家里孩子都没怎么管"),
                row(Kind.FACT, "今年是真扛不住，全年审结案件213件", "ASIDE:今年是真扛不住", "FACT:全年审结案件213件"),
                // the writer addressing the assistant before the figures
                row(Kind.FACT, "几个硬数先给你：全年道路交通事故死亡19人", "FACT:全年道路交通事故死亡19人"),
                // a skip with what is skipped named first, and an aside after it
                row(Kind.FACT, "这个先跳过，等大队长回来我问问他", "SKIP:这个先跳过", "ASIDE:等大队长回来我问问他"),
                // a list numbered 1是/2是/3是 is a list; a lone "31是…" is not a marker
                row(Kind.FACT, "不足就三条：1是对外贸形势预判不够；2是村级电商站重建轻管；3是下企业多、研究政策少",
                        "PROBLEM:对外贸形势预判不够", "PROBLEM:村级电商站重建轻管", "PROBLEM:下企业多、研究政策少"),
                // a remark between two wishes is theirs
                row(Kind.FACT, "写的时候朴实点，所里都是干活的人，念出来要像自己说的话",
                        "WISH:写的时候朴实点，所里都是干活的人，念出来要像自己说的话"),
                // wishes said one after another are one wish, acknowledged once
                row(Kind.FACT, "写得正式点，别太口语", "WISH:写得正式点，别太口语"),
                // a header with a particle
                row(Kind.FACT, "问题嘛，主要是年轻党员理论学习积极性不高", "PROBLEM:主要是年轻党员理论学习积极性不高"),
                // a preamble is talk; 第一是/第二是 are the writer's list
                row(Kind.FACT, "我们镇今年的情况是这样的，主要抓了三件事。第一是产业，引进竹木加工项目1个；第二是乡村振兴，新建高标准农田4,200亩",
                        "ASIDE:镇今年的情况是这样的", "ASIDE:主要抓了三件事", "FACT:产业，引进竹木加工项目1个",
                        "FACT:乡村振兴，新建高标准农田4,200亩"),
                // an announcement of what follows says nothing itself
                row(Kind.FACT, "主要干了几块：大气，关停企业43家", "ASIDE:主要干了几块", "FACT:大气，关停企业43家"),
                row(Kind.FACT, "分管的几块说一下：安全，排查隐患1,126处", "ASIDE:分管的几块说一下", "FACT:安全，排查隐患1,126处"),
                row(Kind.FACT, "我们部门干的事：一是排查重大隐患31项", "ASIDE:部门干的事", "FACT:排查重大隐患31项"),
                row(Kind.FACT, "信访件全年收到23件，没有一件超期的", "FACT:信访件全年收到23件，没有一件超期的"),
                row(Kind.FACT, "全年主要是这几块，党组会研究党风廉政建设6次", "ASIDE:全年主要是这几块",
                        "FACT:党组会研究党风廉政建设6次"),
                row(Kind.FACT, "今年主要就是这么几块，全年接待游客386万人次", "ASIDE:今年主要就是这么几块",
                        "FACT:全年接待游客386万人次"),
                // a question in the A-not-A form that weighs a count; a count that only announces; a list sharing a kind
                row(Kind.FACT, "问题一般写几条？三条够不够", "QUESTION:问题一般写几条，三条够不够"),
                row(Kind.FACT, "那就三条。第一，夜学后来走过场；第二，党建跟经营还是两张皮；第三，我兼副主任，支部的事老是晚上补",
                        "ASIDE:那就三条", "PROBLEM:夜学后来走过场", "PROBLEM:党建跟经营还是两张皮",
                        "PROBLEM:我兼副主任，支部的事老是晚上补"),
                // the writer's own days now, two loads at once: talk, not the year
                row(Kind.FACT, "年底又要迎检又要结账，我这两天嗓子都哑了", "ASIDE:年底又要迎检又要结账", "ASIDE:我这两天嗓子都哑了"),
                // an announcement names what follows and is not itself said in the report
                row(Kind.FACT, "下面说廉政。跟下属3家企业负责人签了廉政承诺书", "ASIDE:下面说廉政", "FACT:跟下属3家企业负责人签了廉政承诺书"),
                // lists typed as keycaps, or as a digit and a space at a line's start; an alternative after a question
                row(Kind.FACT, "存在的问题我列了仨：\n1️⃣欠租清欠难\n2️⃣电梯老化，住户经常投诉", "PROBLEM:欠租清欠难",
                        "PROBLEM:电梯老化，住户经常投诉"),
                row(Kind.FACT, "明年思路\n1 城中村改造剩下的2个片区全部启动\n2 存量房再收300套左右",
                        "PLAN:城中村改造剩下的2个片区全部启动", "PLAN:存量房再收300套左右"),
                row(Kind.FACT, "这种简称能直接写吗？还是得写全称", "QUESTION:这种简称能直接写吗，还是得写全称"),
                row(Kind.FACT, "问题我列三条 A.党员分散在几个工区，学习凑不齐人 B.党建和生产还是各搞各的",
                        "PROBLEM:党员分散在几个工区，学习凑不齐人", "PROBLEM:党建和生产还是各搞各的"),
                row(Kind.FACT, "明年打算，头一个，学习改成工区微课；再一个，每个工区设一名安全监督员；最后就是把分包队伍的党员组织起来",
                        "PLAN:学习改成工区微课", "PLAN:每个工区设一名安全监督员", "PLAN:把分包队伍的党员组织起来"),
                row(Kind.FACT, "保障房的账翻来覆去查，连着加了一个月班😮‍💨", "ASIDE:保障房的账翻来覆去查", "ASIDE:连着加了一个月班"),
                // a wish about one part of the text, and its reason
                row(Kind.FACT, "问题部分别写太狠，写重了领导脸上不好看", "WISH:问题部分别写太狠，写重了领导脸上不好看"),
                row(Kind.FACT, "写得实一点，我们这行最怕写虚了", "WISH:写得实一点，这行最怕写虚了"),
                row(Kind.FACT, "这个先空着吧", "SKIP:这个先空着吧"),
                // an intention said after what was done is a plan; a noun that opens with the same verb is not
                row(Kind.FACT, "调了矛盾纠纷五十多件。准备在两个镇再复制", "FACT:调了矛盾纠纷五十多件", "PLAN:准备在两个镇再复制"),
                row(Kind.FACT, "全年开展培训12期，准备工作做得很细", "FACT:全年开展培训12期，准备工作做得很细"),
                // the writer's own count of problems as a header, items counted 头一条 / 第二条
                row(Kind.FACT, "问题我自己想了三条，头一条，监督基本靠他们自己报；第二条，现场查验还是人说了算，有空子可钻",
                        "PROBLEM:监督基本靠他们自己报", "PROBLEM:现场查验还是人说了算，有空子可钻"),
                // a wish and the reasons said after it; a complaint with what it was about; who asked for the text
                row(Kind.FACT, "别写成林业工作总结，数字挑要紧的，主要是述责述廉，纪委要看",
                        "WISH:别写成林业工作总结，数字挑要紧的，主要是述责述廉，纪委要看"),
                row(Kind.FACT, "搬库那阵子天天扛箱子，腰都快断了", "ASIDE:搬库那阵子天天扛箱子，腰都快断了"),
                row(Kind.FACT, "我是综合科的，馆长让先出个底子。今年馆藏到了18.6万卷", "FACT:我是综合科的",
                        "ASIDE:馆长让先出个底子", "FACT:今年馆藏到了18.6万卷"),
                row(Kind.FACT, "我自己是部队转业的，干这行有感情", "ASIDE:我自己是部队转业的，干这行有感情"),
                row(Kind.FACT, "局长出差了让我们办公室先起个稿。硬指标先报：全年预报准确率87.6%",
                        "ASIDE:局长出差了让我们办公室先起个稿", "FACT:全年预报准确率87.6%"),
                row(Kind.FACT, "先报个总账：全年完成审计项目22个", "FACT:全年完成审计项目22个"),
                row(Kind.FACT, "问题我捋了三条：一是政府性债务底数不清；二是对中介机构把关不严",
                        "PROBLEM:政府性债务底数不清", "PROBLEM:对中介机构把关不严"),
                row(Kind.FACT, "今年主要就三块：预报预警、人工影响天气、为农服务", "ASIDE:今年主要就三块",
                        "FACT:预报预警、人工影响天气、为农服务"),
                row(Kind.FACT, "县委书记让我牵头防汛，转移群众1,200人", "FACT:县委书记让我牵头防汛，转移群众1,200人"),
                row(Kind.FACT, "口述史还得接着做，采访的老人好些都90多了", "PLAN:口述史还得接着做，采访的老人好些都90多了"),
                row(Kind.FACT, "全馆3人还得了省级表彰", "FACT:全馆3人还得了省级表彰"),
                // a header after a first clause ("…开局，打算：…") heads what follows it
                row(Kind.FACT, "2026年是开局之年，打算：申请资金把老仓改造了；再搞低温储粮试点，争取覆盖8个仓",
                        "FACT:2026年是开局之年", "PLAN:申请资金把老仓改造了", "PLAN:再搞低温储粮试点，争取覆盖8个仓"),
                // a remark between two wishes is theirs, whatever the open question
                row(Kind.PLAN, "语气别太满，我是副职，该写协助的地方写上，别弄得像我一个人干的",
                        "WISH:语气别太满，我是副职，该写协助的地方写上，别弄得像我一个人干的"),
                // 够呛 said of someone else's trouble is a fact
                row(Kind.FACT, "有家企业被加关税搞得够呛，帮它转做东南亚市场", "FACT:有家企业被加关税搞得够呛，帮它转做东南亚市场"),
                // the writer's other post; a remark announcing the next fact
                row(Kind.FACT, "我是支部书记，兼着县社副主任", "FACT:我是支部书记", "ASIDE:兼着县社副主任"),
                row(Kind.FACT, "还有个事特别有意义，帮3位烈士找到了亲人", "ASIDE:个事特别有意义", "FACT:帮3位烈士找到了亲人"),
                // what the writer takes back in the same sentence, with its reasons
                row(Kind.FACT, "年底全市考核我们排第9，这个别写进去，不好看", "WISH:年底全市考核我们排第9，这个别写进去，不好看"),
                row(Kind.FACT, "今年分管我们的县领导换了三任，这个不说了，就是吐槽一下",
                        "ASIDE:今年分管我们的县领导换了三任，这个不说了，就是吐槽一下"),
                // a saying offered for the text is a wish, its comma inside the quotation kept
                row(Kind.FACT, "我在大会上讲过一句“民政的钱是救命钱，一分一厘都不能乱动”，这句能用上不",
                        "WISH:我在大会上讲过一句“民政的钱是救命钱，一分一厘都不能乱动”，这句能用上不"),
                // a question about the text, even with a wish word; a numeral inside a quoted name is no figure
                row(Kind.FACT, "“学习强国”写的时候要加引号还是书名号？", "QUESTION:“学习强国”写的时候要加引号还是书名号"),
                row(Kind.FACT, "“一人所”这个词能直接写进去吗，还是换个正式点的说法",
                        "QUESTION:“一人所”这个词能直接写进去吗，还是换个正式点的说法"),
                // a skip with its reason; the writer's days now; where the figures were copied from
                row(Kind.FACT, "巡察整改这个跳过，今年没轮到我们", "SKIP:巡察整改这个跳过，今年没轮到我们"),
                row(Kind.FACT, "今天下午还有个会，晚上要去福利院看看，先这样", "ASIDE:今天下午还有个会", "ASIDE:晚上要去福利院看看"),
                row(Kind.FACT, "这两天在迎省里的督察，材料堆成山，报告我抽空弄",
                        "ASIDE:这两天在迎省里的督察", "ASIDE:材料堆成山", "ASIDE:报告我抽空弄"),
                row(Kind.FACT, "几个数我从台账表里拷过来了", "ASIDE:几个数我从台账表里拷过来了"),
                // a figure of how little there is describes the shortfall before it
                row(Kind.FACT, "发稿1126篇。问题就是一线采编人太少，就11个，经常一个人全包",
                        "FACT:发稿1126篇", "PROBLEM:一线采编人太少，就11个，经常一个人全包"),
                // a problem fixed is an achievement, the quotation marks inside it notwithstanding
                row(Kind.FACT, "另外整治了养老机构护理员收“红包”的问题，查了31家", "FACT:整治了养老机构护理员收“红包”的问题，查了31家"),
                // a line typed by voice: spaces for commas
                row(Kind.FACT, "支部集中学习搞了十一次 基本都放在周三下午 跟教研活动错开",
                        "FACT:支部集中学习搞了十一次，基本都放在周三下午，跟教研活动错开"),
                // a ratio is one figure
                row(Kind.FACT, "花了460来万，省里和县里1:1配套的", "FACT:花了460来万，省里和县里1:1配套的"),
                row(Kind.PROBLEM, "人少前面说了；APP不少人下了就不打开", "ASIDE:人少前面说了", "PROBLEM:APP不少人下了就不打开"),
                // when the writer came is not a shortfall; a label that says what the main work is names the work
                row(Kind.PROBLEM, "我今年3月份从县发改局调过来的，之前的事不太清楚",
                        "ASIDE:我今年3月份从县发改局调过来的", "ASIDE:之前的事不太清楚"),
                row(Kind.FACT, "主业就是宣传这块，全年在省级以上媒体发稿1126篇", "FACT:宣传方面，全年在省级以上媒体发稿1126篇"),
                row(Kind.FACT, "明年就干三件事：招人，争取编制再招5到8个采编", "PLAN:招人，争取编制再招5到8个采编"),
                row(Kind.FACT, "说实话有个事，科研经费报销有几个老师票据不规范", "PROBLEM:科研经费报销有几个老师票据不规范"),
                row(Kind.FACT, "审判上主要是婚姻家事和民间借贷，占了六成多", "FACT:审判方面，主要是婚姻家事和民间借贷，占了六成多"),
                // a deputy's part in the leader's work is the work's label and a fact in the report's words
                row(Kind.FACT, "先说清楚，人民调解是局长亲自抓的，我是配合，写的时候别写成我牵头",
                        "FACT:协助局长抓好人民调解工作", "WISH:写的时候别写成我牵头"),
                row(Kind.FACT, "人民调解这块全县调委会调处纠纷2917件", "FACT:人民调解方面，全县调委会调处纠纷2917件"),
                // the seventh blind set: announcements, answers put in order, the writer's week, when it may be written,
                // a figure to look up, another's work, three loads at once
                row(Kind.FACT, "先把大数说了：全年归集9.86亿，同比增长7.2%", "FACT:全年归集9.86亿，同比增长7.2%"),
                row(Kind.FACT, "你刚才问的两个，后面那个先答：12329热线全年接了2.1万个", "FACT:12329热线全年接了2.1万个"),
                row(Kind.FACT, "这周三个会两个检查，材料周五还要交，真是服了",
                        "ASIDE:这周三个会两个检查", "ASIDE:材料周五还要交", "ASIDE:真是服了"),
                row(Kind.FACT, "市中心评了一批“服务标兵窗口”，大厅报上去了，公示还没完，完了就写上",
                        "FACT:市中心评了一批“服务标兵窗口”，大厅报上去了", "ASIDE:公示还没完", "ASIDE:完了就写上"),
                row(Kind.FACT, "党员先锋岗设了几个我得翻一下本子", "FACT:党员先锋岗设了几个", "ASIDE:我得翻一下本子"),
                row(Kind.FACT, "贷后清收那块是刘副主任牵头的，清回逾期52笔，那是他的活，我就是配合一下",
                        "ASIDE:贷后清收那块是刘副主任牵头的，清回逾期52笔，那是他的活，我就是配合一下"),
                row(Kind.FACT, "转发：【县交通运输局办公室】请各单位于12月20日前报送工作总结，逾期通报",
                        "ASIDE:转发：【县交通运输局办公室】请各单位于12月20日前报送工作总结，逾期通报"),
                row(Kind.FACT, "那一个月我基本就住在工地上，老婆说我再不回来就别回来了",
                        "ASIDE:那一个月我基本就住在工地上，老婆说我再不回来就别回来了"),
                row(Kind.FACT, "城南分理处9400万，加起来是多少你帮我算下", "FACT:城南分理处9400万", "ASIDE:加起来是多少你帮我算下"),
                row(Kind.FACT, "一共多少个字合适？", "QUESTION:一共多少个字合适"),
                // read at the stop (pa-16): a plans header with when the writer says it; done work while plans are asked;
                // the writer's load and worry about the text
                row(Kind.FACT, "明年的事趁想起来先说：一是跨境电商搞个公共海外仓；二是村级电商站整合",
                        "PLAN:跨境电商搞个公共海外仓", "PLAN:村级电商站整合"),
                row(Kind.PLAN, "分管3个股室，开了4次廉政提醒谈话", "FACT:分管3个股室，开了4次廉政提醒谈话"),
                row(Kind.PLAN, "每季度开展1次读书分享会", "PLAN:每季度开展1次读书分享会"),
                row(Kind.FACT, "干医保的两头不是人，年底在会上被几个院长围着吵", "ASIDE:干医保的两头不是人", "ASIDE:年底在会上被几个院长围着吵"),
                row(Kind.FACT, "以旧换新那阵子电话被打爆了，两头受气", "ASIDE:以旧换新那阵子电话被打爆了", "ASIDE:两头受气"),
                row(Kind.FACT, "副局长述职要不要把局长牵头的事也写进去？好多是一起干的，不写又显得我没干啥",
                        "QUESTION:副局长述职要不要把局长牵头的事也写进去，好多是一起干的", "ASIDE:不写又显得我没干啥"),
                row(Kind.PROBLEM, "年底又是冲存款又是轧账，一个礼拜睡不到几个整觉",
                        "ASIDE:年底又是冲存款又是轧账", "ASIDE:一个礼拜睡不到几个整觉"),
                // a mixed message: achievement, problems, plans, a question
                row(Kind.FACT, "党员大会开了4次。存在的问题：一是学习不深入；二是创新不够。明年打算：每月一次研讨。党课讲几次合适？",
                        "FACT:党员大会开了4次", "PROBLEM:学习不深入", "PROBLEM:创新不够", "PLAN:每月一次研讨",
                        "QUESTION:党课讲几次合适"));
    }

    private static Arguments row(Kind defaultKind, String message, String... expected) {
        return Arguments.of(defaultKind, message, List.of(expected));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("messages")
    void eachPieceGetsItsKind(Kind defaultKind, String message, List<String> expected) {
        List<String> read = READER.read(message, defaultKind).stream()
                .map(p -> p.kind() + ":" + p.text()).toList();
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("messages")
    void listedPiecesAreMarked(Kind defaultKind, String message, List<String> expected) {
        List<Piece> read = READER.read(message, defaultKind);
        boolean writerListed = message.matches("(?s).*(?:一是|第一[，,、]|头一条|1\\.|(?<![0-9])1是|1\uFE0F\u20E3|\n1 |A\\.|头一个).*");
        if (!writerListed) assertThat(read).noneMatch(Piece::listed);
    }
}
