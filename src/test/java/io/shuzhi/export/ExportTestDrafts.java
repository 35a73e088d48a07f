package io.shuzhi.export;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Section;
import java.util.ArrayList;
import java.util.List;

/** A three-part draft long enough to run onto a second page, written for these tests. */
final class ExportTestDrafts {
    private ExportTestDrafts() {
    }

    static Draft threePart() {
        List<Section> s = new ArrayList<>();
        s.add(new Section("title", 0, "第三党支部书记2025年度抓基层党建工作述职报告", ""));
        s.add(new Section("opening", 1, "", "2025年，我在机关党委指导下，围绕中心抓党建、抓好党建促发展，带领支部"
                + "12名党员完成全年任务。现将有关情况报告如下："));
        s.add(new Section("1", 1, "一、履职情况及成效", ""));
        s.add(new Section("1.1", 2, "（一）抓理论武装，思想根基更牢", "一是落实“第一议题”制度，支委会专题学习18次；"
                + "二是组织集中研讨6次，撰写心得体会24篇；三是依托线上平台开展学习测试4轮，党员平均得分92分。"));
        s.add(new Section("1.2", 2, "（二）抓组织建设，战斗堡垒更强", "一是按期完成支委换届，选举产生委员5名；"
                + "二是规范“三会一课”，全年召开党员大会4次、支委会12次，讲党课3次；三是发展预备党员2名，"
                + "转正1名，做到程序规范、材料齐全。"));
        s.add(new Section("1.3", 2, "（三）抓作风纪律，队伍形象更好", "一是开展廉政提醒谈话15人次；二是组织参观警示教育"
                + "基地1次，观看警示片3部；三是围绕服务群众开展志愿活动8场，参与党员96人次，办结群众诉求37件。"));
        s.add(new Section("2", 1, "二、存在问题和不足", "一是理论学习与业务工作结合不够紧，学用转化还有差距；"
                + "二是个别党员参加组织生活积极性不高，教育管理办法不多；三是支部特色品牌创建进展较慢。"));
        s.add(new Section("3", 1, "三、下步工作举措", ""));
        s.add(new Section("3.1", 2, "（一）在学深悟透上再用力", "坚持集中学习与个人自学相结合，每季度至少开展一次"
                + "专题研讨，推动学习成果转化为推动工作的具体举措。"));
        s.add(new Section("3.2", 2, "（二）在从严管理上再加压", "落实党员积分管理，把参加组织生活情况与评先评优挂钩，"
                + "对长期不参加活动的党员及时谈心谈话。"));
        s.add(new Section("3.3", 2, "（三）在特色创建上再突破", "结合业务特点打造支部品牌，年内形成可复制的经验做法。"));
        for (int i = 4; i <= 9; i++) {
            s.add(new Section("3." + i, 2, "（" + "四五六七八九".charAt(i - 4) + "）在任务落实上再提速",
                    "对照年度目标逐项梳理进度，建立台账、明确时限、压实责任，确保各项工作按期完成，以实际成效检验工作质量。"
                            + "Latin text ABC and digits 2026 stay in Times New Roman."));
        }
        return new Draft("party-branch-secretary", 3, s);
    }
}
