// 简体中文目录：键 → 模板（见 Catalogue.swift）。用语依《中华人民共和国突发事件应对法》和
// 《突发事件应急预案管理办法》：总体应急预案、专项应急预案、部门应急预案、应急响应、信息报告、
// 预案备案、预案评估、应急演练、衔接、特别重大/重大/较大/一般。句子要短：先说哪里不对，再说怎么改。
extension Catalogue {
    public static let zhCN: [String: String] = [
        // MARK: Terms (display names)
        "hazard-category.natural": "自然灾害",
        "hazard-category.accident": "事故灾难",
        "hazard-category.public-health": "公共卫生事件",
        "hazard-category.social-safety": "社会安全事件",
        "hazard.flood": "洪涝灾害",
        "hazard.drought": "干旱灾害",
        "hazard.mountain-torrent": "山洪灾害",
        "hazard.geological-disaster": "地质灾害",
        "hazard.earthquake": "地震灾害",
        "hazard.meteorological": "气象灾害",
        "hazard.typhoon": "台风灾害",
        "hazard.forest-fire": "森林火灾",
        "hazard.grassland-fire": "草原火灾",
        "hazard.marine-disaster": "海洋灾害",
        "hazard.biological-disaster": "生物灾害",
        "hazard.coal-mine-accident": "煤矿事故",
        "hazard.non-coal-mine-accident": "非煤矿山事故",
        "hazard.hazardous-chemicals": "危险化学品事故",
        "hazard.fire": "火灾事故",
        "hazard.road-traffic": "道路交通事故",
        "hazard.rail-traffic": "铁路交通事故",
        "hazard.water-traffic": "水上交通事故",
        "hazard.aviation": "民用航空器事故",
        "hazard.building-collapse": "建筑物倒塌事故",
        "hazard.utility-failure": "供水供电供气供热事故",
        "hazard.telecom-failure": "通信网络事故",
        "hazard.environmental-pollution": "突发环境事件",
        "hazard.nuclear-radiation": "核与辐射事故",
        "hazard.special-equipment": "特种设备事故",
        "hazard.infectious-disease": "传染病疫情",
        "hazard.food-safety": "食品安全事故",
        "hazard.occupational-poisoning": "职业中毒事件",
        "hazard.animal-epidemic": "动物疫情",
        "hazard.mass-unexplained-illness": "群体性不明原因疾病",
        "hazard.mass-incident": "群体性事件",
        "hazard.terrorist-attack": "恐怖袭击事件",
        "hazard.cyber-security": "网络安全事件",
        "hazard.financial-incident": "金融突发事件",
        "hazard.foreign-related-incident": "涉外突发事件",
        "hazard.ethnic-religious-incident": "民族宗教群体性事件",
        "kind.master": "总体应急预案",
        "kind.special": "专项应急预案",
        "kind.departmental": "部门应急预案",
        "kind.unit": "单位应急预案",
        "kind.event": "重大活动应急预案",
        "kind.joint": "联合应急预案",
        "level.national": "国家级",
        "level.provincial": "省级",
        "level.municipal": "市级",
        "level.county": "县级",
        "level.township": "乡镇级",
        "level.community": "村（社区）级",
        "stage.before": "事前",
        "stage.during": "事中",
        "stage.after": "事后",
        "phase.prevention": "预防",
        "phase.preparedness": "应急准备",
        "phase.warning": "监测预警",
        "phase.response": "应急处置与救援",
        "phase.recovery": "事后恢复与重建",
        "severity.I": "特别重大",
        "severity.II": "重大",
        "severity.III": "较大",
        "severity.IV": "一般",
        "resource-type.team": "应急队伍",
        "resource-type.material": "应急物资",
        "resource-type.equipment": "应急装备",
        "resource-type.facility": "应急设施",
        "resource-type.expert": "应急专家",
        "resource-type.fund": "应急资金",
        "drill-type.tabletop": "桌面推演",
        "drill-type.functional": "功能演练",
        "drill-type.full-scale": "综合演练",
        "status.in-force": "现行有效",
        "status.draft": "草案",
        "status.retired": "已废止",
        "role.lead": "牵头",
        "role.support": "配合",
        "form.comprehensive": "综合应急预案",
        "form.hazard-specific": "专项应急预案",
        "form.on-site": "现场处置方案",
        "unit-category.hazardous-materials": "危险物品生产经营单位",
        "unit-category.mine": "矿山",
        "unit-category.metal-smelting": "金属冶炼单位",
        "unit-category.rail-transit": "城市轨道交通运营单位",
        "unit-category.construction": "建筑施工单位",
        "unit-category.crowded-venue": "人员密集场所经营单位",
        "unit-category.school": "学校",
        "unit-category.hospital": "医院",
        "unit-category.enterprise": "企业",
        "unit-category.community": "社区",

        // MARK: Common words
        "plan.named": "预案 {id}",
        "plan.this": "本预案",
        "plan.external": "外部预案 {id}",
        // end of common

        // MARK: YAML (EPlanYAML: syntax, encoding, limits, duplicate keys)
        // end of yaml

        // MARK: Schema (decoders: missing and unknown keys, types, values, duplicate ids)
        "schema.lang-unknown": "“lang”的值“{value}”不是 eplan 支持的语言",
        "schema.lang-help": "改为 en（英文）或 zh-CN（简体中文）",
        // end of schema

        // MARK: Chinese typing mistakes (full-width punctuation, severity and term names, GBK, quotes)
        // end of typing

        // MARK: Repository (discovery, configuration, links, unreadable files, suppressions)
        // end of repository

        // MARK: Rules: vertical
        "level-mismatch.mismatch": "预案层级为{level}，但所属区域 {region} 为{region-level}",
        "level-mismatch.help": "改为 “level: {region-level}”",
        "level-mismatch.region-level": "所属区域的层级",
        "master-mismatch.not-master": "所属总体应急预案（master）应为总体应急预案，但 {master} 是{kind}",
        "master-mismatch.other-region": "所属总体应急预案（master）应为本区域 {region} 的总体应急预案，但 {master} 属于区域 {master-region}",
        "master-mismatch.no-region": "所属总体应急预案（master）应为本区域 {region} 的总体应急预案，但 {master} 是未写明区域的外部总体应急预案",
        "master-mismatch.help": "改为区域 {region} 的总体应急预案",
        "master-mismatch.did-you-mean": "是否应为 {id}？",
        "master-mismatch.named-plan": "master 指向的预案",
        "master-missing.missing": "{plan} 是{kind}，但未指明所属总体应急预案（master）",
        "master-missing.help-region": "添加 “master:”，填写区域 {region} 的总体应急预案",
        "master-missing.help": "添加 “master:”，填写所属总体应急预案的 ID",
        "master-unresolved.unresolved": "所属总体应急预案（master）{master} 既不是本仓库中的预案，也不是 eplan.yaml 中登记的外部总体应急预案",
        "master-unresolved.help": "改为区域 {region} 的总体应急预案",
        "master-unresolved.did-you-mean-master": "是否应为区域 {region} 的总体应急预案 {id}？",
        "master-unresolved.did-you-mean": "是否应为 {id}？",
        "parent-cycle.cycle": "上级预案（parent）的衔接关系形成循环：{loop}",
        "parent-cycle.step": "{id} → {next}",
        "parent-cycle.last": "{id}",
        "parent-cycle.help": "将其中一个预案的 parent 改为它实际衔接的上级预案",
        "parent-kind.master": "上级{parent} 是{parent-kind}；{kind}应与上级总体应急预案衔接",
        "parent-kind.special": "上级{parent} 是{parent-kind}；{kind}应与上级总体应急预案或专项应急预案衔接",
        "parent-kind.help-master": "改为与上一级区域的总体应急预案衔接",
        "parent-kind.help-special": "改为与上一级区域同一灾种的对口专项应急预案衔接；没有对口专项预案的，与其总体应急预案衔接",
        "parent-kind.parent": "上级预案",
        "parent-level.higher": "本预案为{level}，上级{parent} 却为{parent-level}，层级不高于本预案",
        "parent-level.same-or-higher": "本预案为{level}，上级{parent} 却为{parent-level}，层级低于本预案",
        "parent-level.help-higher": "改为与更高层级的预案衔接",
        "parent-level.help-same-or-higher": "改为与同级或更高层级的预案衔接",
        "parent-level.parent": "上级预案",
        "parent-missing.missing": "{plan} 是{kind}，但未指明上级预案（parent）",
        "parent-missing.help": "添加 “parent:”，填写本预案衔接的上级预案",
        "parent-not-counterpart.master": "上级预案为总体应急预案 {master}，但上级区域的{counterpart} 已覆盖{hazards}，是对口专项应急预案",
        "parent-not-counterpart.help": "改为与对口专项应急预案 {id} 衔接",
        "parent-not-counterpart.counterpart": "对口专项应急预案",
        "parent-region.region": "上级{parent} 属于区域 {parent-region}，不是 {region} 的上级区域",
        "parent-region.help": "改为与包含 {region} 的上级区域的预案衔接",
        "parent-region.parent": "上级预案",
        "parent-retired.retired": "上级{parent} 为{status}，不是现行有效的预案",
        "parent-retired.help": "改为与替代它的现行有效预案衔接",
        "parent-retired.status": "上级预案的状态（status）",
        "parent-stale.stale": "上级{parent} 已是版本 “{current}”，本预案上次衔接的是版本 “{recorded}”",
        "parent-stale.help": "对照上级预案版本 “{current}” 重新审核本预案的衔接，然后更新记录的版本",
        "parent-stale.current": "上级预案的现行版本",
        "parent-unresolved.unresolved": "上级预案（parent）{parent} 既不是本仓库中的预案，也不是 eplan.yaml 中登记的外部预案",
        "parent-unresolved.help": "该预案若保存在别处，请在 eplan.yaml 的 “external:” 下登记",
        "parent-unresolved.did-you-mean": "是否应为 {id}？",
        "parent-unresolved.similar": "相近的预案 ID",
        "region-no-master.missing": "{level}区域 {region} 没有现行有效的总体应急预案",
        "region-no-master.help": "编制 {region} 的总体应急预案，或在 eplan.yaml 的 “external:” 下登记并写明 “region: {region}”",
        "region-unknown.unknown": "区域 {region} 不在区域划分文件中",
        "region-unknown.agency": "单位引用 “{agency}” 中的区域 {region} 不在区域划分文件中",
        "region-unknown.did-you-mean": "是否应为 {id}？",
        "region-unknown.help": "在区域划分文件中添加区域 {region}",
        // end of vertical

        // MARK: Rules: docking
        "reporting-looser.compare": "{limit} 慢于 {parent}",
        "reporting-looser.none-compare": "未设定，上级为 {parent}",
        "reporting-looser.group": "{classes} 级：{comparison}",
        "reporting-looser.no-limit": "信息报告未设定“{key}”时限，但上级{parent}设定了（{classes}）",
        "reporting-looser.looser": "信息报告时限 reporting.{key} 宽于上级{parent}的要求（{classes}）",
        "reporting-looser.help": "本预案处置的每一级事件，报告时限都不得宽于上级预案的要求",
        "reporting-looser.parent-limit": "上级预案的报告时限",
        "reporting-looser.follow-up": "续报间隔 reporting.follow-up 长于上级{parent}的要求（{limit} 长于 {parent-limit}）",
        "reporting-looser.follow-up-help": "续报间隔不得长于上级预案的要求",
        "reporting-looser.parent-interval": "上级预案的续报间隔",
        "scope-narrower.omits": "{plan} 的适用范围缺少{hazard}：上级{parent} 处置这类事件，且区域 {region} 面临这一风险",
        "scope-narrower.help": "在 scope.hazards 中加入{hazard}，或将其列入 scope.excluded 并写明理由",
        "severity-unhandled.unhandled": "{class}突发事件没有预案牵头处置：{plan} 及其上级预案都不处置这一级别",
        "severity-unhandled.help": "在 scope.severities 中加入{class}，或编制处置这一级别的下级预案",
        // end of docking

        // MARK: Rules: horizontal
        // end of horizontal

        // MARK: Rules: completeness
        // end of completeness

        // MARK: Rules: management
        // end of management

        // MARK: Rules: suppression
        // end of suppression

        // MARK: Rule descriptions (summary, rationale, settings, example notes)
        // end of rules

        // MARK: Text report, summaries and CI formats
        // end of report

        // MARK: Diff
        // end of diff

        // MARK: Graph and HTML report
        // end of views

        // MARK: eplan new and eplan init (comments written into plans)
        // end of authoring

        // MARK: Command line (errors, explain, rules)
        "cli.lang-unknown": "--lang 的值“{value}”不是 eplan 支持的语言，请用 en 或 zh-CN",
        // end of cli
    ]

    /// Other Chinese names a typist may write for a term (`专项` for `kind.special`, `Ⅳ` or `四级` for
    /// `severity.IV`): the typing-mistake help maps them to the id.
    public static let aliases: [String: [String]] = [
        "hazard.flood": ["洪涝", "洪水", "防汛", "水灾", "洪灾"],
        "hazard.drought": ["干旱", "旱灾", "抗旱"],
        "hazard.mountain-torrent": ["山洪"],
        "hazard.geological-disaster": ["地灾", "滑坡", "泥石流", "崩塌", "地面塌陷"],
        "hazard.earthquake": ["地震"],
        "hazard.meteorological": ["暴雨", "暴雪", "寒潮", "高温", "气象"],
        "hazard.typhoon": ["台风"],
        "hazard.forest-fire": ["森林防火", "山火"],
        "hazard.grassland-fire": ["草原防火"],
        "hazard.marine-disaster": ["风暴潮", "海啸"],
        "hazard.biological-disaster": ["病虫害"],
        "hazard.coal-mine-accident": ["煤矿安全事故", "煤矿生产安全事故"],
        "hazard.non-coal-mine-accident": ["非煤矿山安全事故", "非煤矿山生产安全事故"],
        "hazard.hazardous-chemicals": ["危险化学品", "危化品事故", "危化品"],
        "hazard.fire": ["火灾"],
        "hazard.road-traffic": ["道路交通", "交通事故"],
        "hazard.rail-traffic": ["铁路事故"],
        "hazard.water-traffic": ["水上交通", "船舶事故"],
        "hazard.aviation": ["航空事故", "民航事故"],
        "hazard.building-collapse": ["房屋倒塌", "建筑施工事故"],
        "hazard.utility-failure": ["停电", "停水", "停气", "大面积停电", "城市生命线事故"],
        "hazard.telecom-failure": ["通信中断", "通信保障"],
        "hazard.environmental-pollution": ["环境污染", "环境污染事件", "环境污染事故"],
        "hazard.nuclear-radiation": ["核事故", "辐射事故"],
        "hazard.special-equipment": ["特种设备"],
        "hazard.infectious-disease": ["传染病", "疫情", "突发公共卫生事件"],
        "hazard.food-safety": ["食品安全"],
        "hazard.occupational-poisoning": ["职业中毒"],
        "hazard.animal-epidemic": ["重大动物疫情"],
        "hazard.terrorist-attack": ["恐怖袭击", "反恐"],
        "hazard.cyber-security": ["网络安全"],
        "hazard.financial-incident": ["金融风险"],
        "hazard.foreign-related-incident": ["涉外事件"],
        "hazard.ethnic-religious-incident": ["民族宗教事件"],
        "kind.master": ["总体", "总体预案", "总预案"],
        "kind.special": ["专项", "专项预案"],
        "kind.departmental": ["部门", "部门预案"],
        "kind.unit": ["单位", "基层单位", "企事业单位", "企业", "单位预案", "企业预案", "生产经营单位"],
        "kind.event": ["重大活动", "活动", "大型活动"],
        "kind.joint": ["联合", "联合预案"],
        "level.national": ["国家", "全国", "中央"],
        "level.provincial": ["省", "自治区", "直辖市", "省级人民政府"],
        "level.municipal": ["市", "地市级", "地级市", "设区的市", "州", "盟"],
        "level.county": ["县", "区县", "县区", "县（市、区）", "区", "旗", "县级市"],
        "level.township": ["乡镇", "乡", "镇", "街道", "乡级", "镇级", "乡（镇、街道）"],
        "level.community": ["社区", "村", "村级", "社区级", "村（社区）", "居委会", "村委会"],
        "stage.before": ["事发前"],
        "stage.during": ["事发中"],
        "stage.after": ["事发后"],
        "phase.prevention": ["风险防控", "预防与准备"],
        "phase.preparedness": ["准备"],
        "phase.warning": ["预警", "监测"],
        "phase.response": ["应急处置", "处置", "救援", "应急响应", "响应"],
        "phase.recovery": ["恢复", "重建", "恢复重建", "善后", "后期处置"],
        "severity.I": ["Ⅰ", "Ⅰ级", "I级", "1", "1级", "一级", "特别重大", "特大", "红色"],
        "severity.II": ["Ⅱ", "Ⅱ级", "II级", "2", "2级", "二级", "重大", "橙色"],
        "severity.III": ["Ⅲ", "Ⅲ级", "III级", "3", "3级", "三级", "较大", "黄色"],
        "severity.IV": ["Ⅳ", "Ⅳ级", "IV级", "4", "4级", "四级", "一般", "蓝色"],
        "resource-type.team": ["队伍", "救援队伍"],
        "resource-type.material": ["物资"],
        "resource-type.equipment": ["装备", "设备"],
        "resource-type.facility": ["设施", "避难场所", "应急避难场所"],
        "resource-type.expert": ["专家", "专家组"],
        "resource-type.fund": ["资金", "经费"],
        "drill-type.tabletop": ["桌面演练", "推演"],
        "drill-type.functional": ["单项演练", "专项演练"],
        "drill-type.full-scale": ["实战演练", "全面演练", "综合实战演练"],
        "status.in-force": ["有效", "现行", "施行"],
        "status.draft": ["征求意见稿", "送审稿", "草稿"],
        "status.retired": ["废止", "失效"],
        "role.lead": ["牵头单位", "主责"],
        "role.support": ["配合单位", "协助"],
        "form.comprehensive": ["综合", "综合预案"],
        "form.hazard-specific": ["专项"],
        "form.on-site": ["现场处置", "处置方案"],
        "unit-category.hazardous-materials": ["危化品企业", "危险化学品企业"],
        "unit-category.mine": ["煤矿", "非煤矿山", "矿山企业"],
        "unit-category.metal-smelting": ["金属冶炼", "冶炼"],
        "unit-category.rail-transit": ["轨道交通", "地铁"],
        "unit-category.construction": ["建筑施工", "施工"],
        "unit-category.crowded-venue": ["人员密集场所", "宾馆", "商场", "娱乐场所", "旅游景区"],
        "unit-category.school": ["幼儿园"],
        "unit-category.hospital": ["医疗机构"],
        "unit-category.enterprise": ["企事业单位", "生产经营单位"],
        "unit-category.community": ["村", "村委会", "居委会"],
    ]
}
