#!/usr/bin/env python3
"""Generate a realistic synthetic eplan plan repository for benchmarks.

    python3 benchmarks/generate.py OUT_DIR --plans N [--seed S] [--jobs J]

Writes into OUT_DIR:

- eplan.yaml            the configuration with the province's plans as `external` entries
- regions.yaml          the region tree: cities > counties > townships > communities
- inventory/*.yaml      the shared resources of every city and county
- pNNNN/...             exactly N plans (one per file): master plans for every region down to
                        township (and for the communities that have plans), special plans per
                        hazard group for cities and counties, departmental plans for every lead
                        agency of a city or county master plan, and unit plans (coal and non-coal
                        mines, chemical plants, schools, hospitals)
- expected-findings.txt the findings of the deliberate defects, one `RULE FILE` per line
                        (FILE relative to OUT_DIR)
- generator-stamp.txt   generator version, seed and plan count (used by run.sh to reuse output)

The repository is modelled on the sample repository plans/ and is valid under every rule of
/work/shared/spec/rules.md for `--today 2026-11-30`, except for five deliberate defects planted
in the first city: parent-unresolved, agency-unknown, action-incomplete, hazard-overlap and
parent-stale. The output is a pure function of (N, seed): every city is generated from its own
random stream, so the result does not depend on --jobs.
"""

import argparse
import datetime
import os
import random
import sys
import time

GENERATOR_VERSION = "1"
TODAY = datetime.date(2026, 11, 30)
PROVINCE = "sx"
CORE_SHARE = 0.5  # share of plans that are the government skeleton (masters, specials, departmental)
MAX_REGIONS_BYTES = 8 * 1024 * 1024  # yaml-limit: a file over 8 MiB is a finding

# ---------------------------------------------------------------------------------------------
# Names

SYLLABLES = [
    ("青", "qing"), ("山", "shan"), ("河", "he"), ("阳", "yang"), ("松", "song"), ("岭", "ling"),
    ("桥", "qiao"), ("头", "tou"), ("石", "shi"), ("林", "lin"), ("高", "gao"), ("坪", "ping"),
    ("柳", "liu"), ("树", "shu"), ("安", "an"), ("平", "ping"), ("东", "dong"), ("西", "xi"),
    ("南", "nan"), ("北", "bei"), ("新", "xin"), ("丰", "feng"), ("和", "he"), ("兴", "xing"),
    ("龙", "long"), ("泉", "quan"), ("金", "jin"), ("宝", "bao"), ("长", "chang"), ("乐", "le"),
    ("云", "yun"), ("白", "bai"), ("黄", "huang"), ("红", "hong"), ("旗", "qi"), ("沙", "sha"),
    ("古", "gu"), ("城", "cheng"), ("湖", "hu"), ("清", "qing"), ("水", "shui"), ("溪", "xi"),
    ("凤", "feng"), ("鸣", "ming"), ("大", "da"), ("马", "ma"), ("双", "shuang"), ("峰", "feng"),
    ("梨", "li"), ("花", "hua"), ("永", "yong"), ("宁", "ning"), ("望", "wang"), ("仙", "xian"),
]


def make_name(rng):
    a = SYLLABLES[rng.randrange(len(SYLLABLES))]
    b = SYLLABLES[rng.randrange(len(SYLLABLES))]
    cn = a[0] + b[0]
    py = a[1] + b[1]
    return cn, py, py.capitalize()


# ---------------------------------------------------------------------------------------------
# Agencies: slug -> (Chinese, English)

AGENCIES = {
    "emergency-management": ("应急管理局", "Emergency Management Bureau"),
    "public-security": ("公安局", "Public Security Bureau"),
    "water-resources": ("水利局", "Water Resources Bureau"),
    "natural-resources": ("自然资源局", "Natural Resources Bureau"),
    "forestry": ("林业局", "Forestry Bureau"),
    "energy": ("能源局", "Energy Bureau"),
    "health": ("卫生健康委员会", "Health Commission"),
    "transport": ("交通运输局", "Transport Bureau"),
    "fire-rescue": ("消防救援机构", "Fire and Rescue Service"),
    "meteorology": ("气象局", "Meteorological Bureau"),
    "ecology-environment": ("生态环境局", "Ecology and Environment Bureau"),
    "housing-construction": ("住房和城乡建设局", "Housing and Construction Bureau"),
    "civil-affairs": ("民政局", "Civil Affairs Bureau"),
    "education": ("教育局", "Education Bureau"),
    "finance": ("财政局", "Finance Bureau"),
    "publicity": ("宣传部", "Publicity Department"),
    "power-supply": ("供电公司", "Power Supply Company"),
    "communications": ("通信发展办公室", "Communications Office"),
    "military-subdistrict": ("军分区", "Military Subdistrict"),
    "peoples-armed-dept": ("人民武装部", "People's Armed Forces Department"),
    "market-regulation": ("市场监督管理局", "Market Regulation Bureau"),
    "agriculture": ("农业农村局", "Agriculture and Rural Affairs Bureau"),
    "earthquake-agency": ("地震局", "Earthquake Agency"),
    "industry-it": ("工业和信息化局", "Industry and IT Bureau"),
    "political-legal": ("政法委", "Political and Legal Affairs Commission"),
    "petitions": ("信访局", "Petitions Bureau"),
    "county-governments": ("各县人民政府", "County governments"),
    "township-governments": ("各乡镇人民政府", "Township governments"),
}

# Duties of the standard members of city and county master plans (Chinese, English).
MASTER_DUTIES = {
    "emergency-management": [
        ("承担应急委员会办公室日常工作，组织协调应急处置", "Run the emergency committee office and coordinate the response"),
        ("统筹调度救援队伍和应急物资", "Dispatch rescue teams and emergency reserves"),
        ("组织灾情核查、损失评估和总结评估", "Organise damage verification, loss assessment and the after-action review"),
    ],
    "public-security": [
        ("负责现场警戒、交通管制和治安维护", "Cordon incident sites, control traffic and keep public order"),
        ("牵头处置群体性事件和暴力恐怖事件", "Lead the handling of mass incidents and violent attacks"),
    ],
    "finance": [("保障应急处置和恢复重建资金", "Provide funds for the response and for recovery")],
    "publicity": [("统筹信息发布和舆论引导", "Release information and guide public opinion")],
    "health": [("组织医疗救治和卫生防疫", "Lead medical rescue and disease control")],
    "transport": [("组织道路抢通和应急运输", "Restore roads and organise emergency transport")],
    "civil-affairs": [("做好临时救助和遇难人员善后", "Give temporary assistance and handle the deceased")],
    "education": [("保护在校师生安全，必要时停课", "Protect pupils and teachers and suspend classes when needed")],
    "fire-rescue": [("承担火灾扑救和综合性应急救援", "Fight fires and carry out comprehensive rescue")],
    "meteorology": [("提供气象预报并发布预警信息", "Provide forecasts and release early warnings")],
    "housing-construction": [("组织房屋安全鉴定和市政设施抢修", "Assess damaged buildings and repair urban utilities")],
    "power-supply": [("保障救援现场和避难场所供电", "Keep power to rescue sites and shelters")],
    "communications": [("组织公共通信网络抢通", "Restore public telecommunication networks")],
    "military-subdistrict": [("协调民兵和驻军参加抢险救灾", "Coordinate the militia and armed forces in rescue")],
    "peoples-armed-dept": [("指挥民兵应急分队参加抢险", "Command the militia emergency company in rescue")],
    "political-legal": [("统筹矛盾纠纷化解和社会稳定工作", "Coordinate dispute resolution and social stability work")],
    "petitions": [("接待来访群众，及早化解矛盾", "Receive petitioners and resolve grievances early")],
    "industry-it": [("协调重要物资生产和供应", "Keep critical supplies flowing")],
    "county-governments": [("负责本县先期处置并立即报告", "Lead the first response in their counties and report at once")],
    "township-governments": [("负责本乡镇先期处置和群众转移", "Lead the first response and the transfer of residents in their townships")],
    "water-resources": [("负责江河水库监测和洪水预报", "Monitor rivers and reservoirs and forecast floods")],
    "natural-resources": [("负责地质灾害隐患点监测", "Monitor geological hazard points")],
    "forestry": [("负责森林防火和专业扑救", "Lead forest fire prevention and professional firefighting")],
    "energy": [("负责煤矿安全监管和救援技术支持", "Supervise coal mines and give technical support in mine rescue")],
    "ecology-environment": [("负责环境应急监测和污染处置", "Carry out environmental emergency monitoring and pollution control")],
    "market-regulation": [("负责食品和特种设备安全监管", "Supervise food safety and special equipment")],
    "agriculture": [("负责动物疫病防控和农业生产恢复", "Control animal diseases and restore farming")],
    "earthquake-agency": [("负责地震监测、速报和震情研判", "Monitor earthquakes and issue rapid reports")],
}

CITY_STANDARD = ["emergency-management", "public-security", "water-resources", "natural-resources", "health",
                 "transport", "fire-rescue", "meteorology", "ecology-environment", "housing-construction",
                 "civil-affairs", "education", "finance", "publicity", "political-legal", "petitions",
                 "military-subdistrict", "power-supply", "communications", "industry-it", "county-governments"]
COUNTY_STANDARD = ["emergency-management", "public-security", "water-resources", "natural-resources", "health",
                   "transport", "fire-rescue", "meteorology", "housing-construction", "civil-affairs", "education",
                   "finance", "publicity", "peoples-armed-dept", "power-supply", "township-governments"]

# ---------------------------------------------------------------------------------------------
# Hazard groups: one special plan each in a city or county that faces them.
# Placeholders in `who` lists: GOV = the governments one level down, MIL = the military liaison.
# Actions: (id, phase, who, how, when, within, resource keys, action hazards or None)

GROUPS = {
    "flood": dict(
        hz=["flood", "mountain-torrent"], cn="防汛及山洪灾害防御", en="Flood and Mountain Torrent",
        owner="water-resources", sup=["meteorology", "natural-resources", "transport", "fire-rescue", "MIL", "GOV"],
        ext="2023", hq=("防汛抗旱指挥部", "Flood Control and Drought Relief Headquarters"),
        res=[("team", "flood-patrol", "防汛抢险队 (flood patrol and repair team)", 40, 300, "people", "water-resources"),
             ("material", "flood-reserve", "防汛物资仓库 (sandbags and geotextile and life jackets)", 5000, 90000, "sandbag-equivalents", "emergency-management"),
             ("equipment", "torrent-warning", "山洪灾害监测预警系统 (rain gauges and village broadcasts)", 20, 200, "stations", "water-resources")],
        trig=["Blue rainstorm warning, or a river station reaches its warning level",
              "Orange rainstorm warning, or a small reservoir or check dam in danger",
              "Red rainstorm warning over two or more districts, or a flash flood with deaths",
              "Failure of a medium reservoir or breach of a main embankment"],
        acts=[("pre-season-inspection", "prevention", ["water-resources", "GOV"],
               "汛前检查水库、塘坝和堤防，落实每座小型水库的行政、技术、巡查责任人 (Inspect reservoirs, check dams and embankments before the flood season and name the three responsible persons of every small reservoir)",
               "Before 31 May each year", None, [], None),
              ("preposition-materials", "preparedness", ["emergency-management"],
               "Move sandbags, life jackets and assault boats to the depots nearest the torrent valleys",
               "汛期开始前 (Before the flood season starts on 1 June)", None, ["material.flood-reserve"], None),
              ("rainstorm-warning", "warning", ["meteorology", "water-resources"],
               "Issue rainstorm and flash flood warnings jointly; duty desks call back within 15 minutes and relay them to village warning officers",
               "When 1-hour rainfall above 30 mm is forecast", "30m", ["equipment.torrent-warning"], ["flood", "mountain-torrent"]),
              ("patrol-embankments", "warning", ["water-resources"],
               "巡查堤防和险工险段，发现管涌渗漏立即报告 (Patrol embankments every 2 hours and report seepage and piping at once)",
               "On a blue warning or higher", "2h", ["team.flood-patrol"], ["flood"]),
              ("transfer-residents", "response", ["GOV"],
               "Move residents of danger zones to shelters along the pre-assigned routes household by household and leave nobody behind",
               "橙色预警或启动三级响应时 (On an orange warning or a Level III response)", "1h", ["shelters"], ["mountain-torrent"]),
              ("rescue-trapped", "response", ["fire-rescue", "MIL"],
               "Rescue people trapped by water with assault boats and close breaches in embankments",
               "When an embankment is breached or people are cut off by water", None, ["team.fire-rescue", "material.flood-reserve"], None),
              ("repair-works", "recovery", ["water-resources", "transport"],
               "Assess water-damaged works and roads and put their repair into the next year's budget",
               "水退后30日内 (Within 30 days after the water recedes)", None, [], None)]),
    "geo": dict(
        hz=["geological-disaster"], cn="地质灾害", en="Geological Disaster", owner="natural-resources",
        sup=["meteorology", "water-resources", "transport", "fire-rescue", "GOV"], ext="2024",
        hq=("地质灾害应急指挥部", "Geological Disaster Emergency Headquarters"),
        res=[("team", "geo-monitors", "地质灾害群测群防员 (hazard-point observers)", 30, 400, "people", "natural-resources"),
             ("team", "geo-survey", "地质灾害应急调查队 (emergency survey team)", 10, 60, "people", "natural-resources"),
             ("expert", "geology", "地质灾害防治专家组 (geological hazard experts)", 5, 30, "people", "natural-resources")],
        trig=["A landslide or debris flow threatening fewer than 100 people",
              "A geological disaster threatening 100 to 500 people or with one or two deaths",
              "A geological disaster with 3 to 9 deaths or cutting off a trunk road",
              "A geological disaster with 10 or more deaths"],
        acts=[("hazard-point-check", "prevention", ["natural-resources", "GOV"],
               "汛前、汛中、汛后对隐患点开展巡查排查 (Check every hazard point before, during and after the rainy season and update the hazard list)",
               "Three times a year", None, ["team.geo-monitors"], None),
              ("observer-training", "preparedness", ["natural-resources"],
               "Train hazard-point observers to read crack gauges and to sound the alarm",
               "Every April", None, ["team.geo-monitors"], None),
              ("rain-warning", "warning", ["meteorology", "natural-resources"],
               "Issue joint geological hazard weather warnings and send them to every observer by SMS",
               "When 24-hour rainfall above 50 mm is forecast", "1h", [], ["geological-disaster"]),
              ("evacuate-hazard-points", "response", ["GOV"],
               "组织隐患点受威胁群众按预定路线撤离 (Move threatened residents away from hazard points along the marked routes)",
               "On cracks widening or an observer's alarm", "30m", ["shelters"], None),
              ("emergency-survey", "response", ["natural-resources"],
               "Send the survey team and experts to delimit the danger zone and advise the command post",
               "On any landslide or debris flow with people threatened", "2h", ["team.geo-survey", "expert.geology"], None),
              ("search-and-rescue", "response", ["fire-rescue"],
               "Search for buried people with life detectors and dogs under the guidance of geologists",
               "When people are missing", None, ["team.fire-rescue"], None),
              ("treatment-projects", "recovery", ["natural-resources", "GOV"],
               "Plan relocation or engineering treatment of the hazard point and apply for funds",
               "After the danger is over", None, [], None)]),
    "quake": dict(
        hz=["earthquake"], cn="地震", en="Earthquake", owner="earthquake-agency",
        sup=["housing-construction", "fire-rescue", "health", "MIL", "GOV"], ext="2024",
        hq=("抗震救灾指挥部", "Earthquake Relief Headquarters"),
        res=[("team", "quake-rescue", "地震灾害紧急救援队 (earthquake search and rescue team)", 30, 200, "people", "fire-rescue"),
             ("equipment", "seismic-network", "地震监测台网 (seismic monitoring stations)", 4, 40, "stations", "earthquake-agency")],
        trig=["An earthquake of magnitude 4.0 to 5.0 felt widely",
              "An earthquake of magnitude 5.0 to 6.0, or damaged houses",
              "An earthquake of magnitude 6.0 or more, or deaths",
              "A destructive earthquake with 10 or more deaths"],
        acts=[("seismic-safety-check", "prevention", ["housing-construction"],
               "Check the seismic safety of schools, hospitals and old houses and list those to strengthen",
               "Every year", None, [], None),
              ("quake-drill-training", "preparedness", ["earthquake-agency", "GOV"],
               "组织防震减灾宣传和避险演练 (Teach residents to take cover and to evacuate)",
               "Every May", None, [], None),
              ("rapid-report", "warning", ["earthquake-agency"],
               "Release the rapid report of magnitude and epicentre and the first damage estimate",
               "On any felt earthquake", "15m", ["equipment.seismic-network"], ["earthquake"]),
              ("search-rescue", "response", ["fire-rescue", "MIL"],
               "Search collapsed buildings for survivors and rescue them with heavy tools",
               "On any earthquake with collapsed buildings", "1h", ["team.quake-rescue", "team.fire-rescue"], None),
              ("medical-treatment", "response", ["health"],
               "Set up field hospitals, treat the injured and transfer severe cases",
               "On any earthquake with casualties", "2h", ["team.medical"], None),
              ("building-assessment", "recovery", ["housing-construction"],
               "开展房屋安全应急评估，张贴可用、限用、禁用标识 (Tag houses as safe, limited or unsafe)",
               "Within 7 days after the earthquake", None, [], None)]),
    "forest": dict(
        hz=["forest-fire"], cn="森林火灾", en="Forest Fire", owner="forestry",
        sup=["fire-rescue", "meteorology", "public-security", "MIL", "GOV"], ext="2024",
        hq=("森林防灭火指挥部", "Forest Fire Prevention and Suppression Headquarters"),
        res=[("team", "forest-fire", "专业森林消防队 (professional forest firefighting team)", 30, 200, "people", "forestry"),
             ("facility", "lookouts", "瞭望塔和林区视频监控 (lookout towers and cameras)", 5, 80, "sites", "forestry"),
             ("material", "fire-tools", "扑火机具 (blowers and water pumps and hand tools)", 200, 3000, "sets", "forestry")],
        trig=["A forest fire burning less than 1 hectare",
              "A forest fire of 1 to 100 hectares or near a village",
              "A forest fire of 100 to 1000 hectares or with deaths",
              "A forest fire over 1000 hectares or threatening a town"],
        acts=[("fire-season-patrols", "prevention", ["forestry", "GOV"],
               "护林员按责任区巡山，严管野外用火 (Rangers patrol their areas and stop open fires in the forest)",
               "Every day in the fire season", None, ["facility.lookouts"], None),
              ("firebreaks", "preparedness", ["forestry"],
               "Clear firebreaks and forest roads and fill water pools along them",
               "October each year", None, ["material.fire-tools"], None),
              ("fire-danger-warning", "warning", ["meteorology", "forestry"],
               "Issue forest fire danger warnings and close the forest to visitors at high danger",
               "When the fire danger rating reaches 4", "1h", [], ["forest-fire"]),
              ("initial-attack", "response", ["forestry"],
               "Send the nearest professional team to attack the fire while it is small",
               "On any confirmed fire", "30m", ["team.forest-fire", "material.fire-tools"], None),
              ("protect-villages", "response", ["fire-rescue", "GOV"],
               "Cut firebreaks around villages and move residents out of the fire's path",
               "When a fire comes within 2 km of a village", "1h", ["team.fire-rescue", "shelters"], None),
              ("cause-investigation", "recovery", ["public-security"],
               "查明起火原因并依法追责 (Investigate the cause and hold those responsible to account)",
               "After every fire", None, [], None)]),
    "coal": dict(
        hz=["coal-mine-accident"], cn="煤矿生产安全事故", en="Coal Mine Accident", owner="energy",
        sup=["emergency-management", "health", "public-security", "power-supply", "GOV"], ext="2022",
        hq=("煤矿事故应急救援指挥部", "Coal Mine Accident Rescue Headquarters"),
        res=[("team", "mine-rescue", "矿山救护队 (mine rescue squads on 24-hour standby)", 20, 120, "people", "emergency-management"),
             ("expert", "mining", "煤矿救援专家组 (gas and water and roof control experts)", 5, 30, "people", "energy"),
             ("equipment", "pumps", "大流量排水泵组 (high-capacity drainage pumps)", 2, 20, "pump sets", "energy")],
        trig=["An accident with injuries but no one trapped",
              "An accident with one or two deaths or people trapped",
              "An accident with 3 to 9 deaths or 10 or more people trapped",
              "An accident with 10 or more deaths"],
        acts=[("hidden-hazard-checks", "prevention", ["energy"],
               "对照重大事故隐患判定标准检查煤矿，不合格的责令停产整改 (Inspect mines against the list of major hidden hazards and stop those that fail)",
               "Each mine at least once a quarter", None, [], ["coal-mine-accident"]),
              ("rescue-readiness", "preparedness", ["emergency-management"],
               "Check the standby of mine rescue squads and their breathing apparatus",
               "Every month", None, ["team.mine-rescue"], None),
              ("monitoring-alarms", "warning", ["energy"],
               "Watch the online gas, water and positioning monitoring of every mine and call the mine at once on an alarm",
               "Around the clock", "10m", [], ["coal-mine-accident"]),
              ("mine-rescue", "response", ["emergency-management"],
               "Send mine rescue squads underground to search for trapped miners",
               "On any accident with people trapped underground", "30m", ["team.mine-rescue"], None),
              ("technical-support", "response", ["energy"],
               "Bring mine drawings to the command post and set up the expert group for the rescue plan",
               "On any accident with people trapped underground", "1h", ["expert.mining", "equipment.pumps"], None),
              ("restart-acceptance", "recovery", ["energy"],
               "Accept the rectification of a stopped mine on site before it may resume production",
               "在煤矿提出书面申请后 (On the mine's written request)", None, [], None)]),
    "noncoal": dict(
        hz=["non-coal-mine-accident"], cn="非煤矿山生产安全事故", en="Non-Coal Mine Accident",
        owner="emergency-management", sup=["natural-resources", "health", "public-security", "GOV"], ext=None,
        hq=("非煤矿山事故应急救援指挥部", "Non-Coal Mine Accident Rescue Headquarters"),
        res=[("team", "quarry-rescue", "非煤矿山救护队 (non-coal mine rescue squad)", 10, 60, "people", "emergency-management"),
             ("expert", "tailings", "尾矿库安全专家组 (tailings dam experts)", 3, 15, "people", "emergency-management")],
        trig=["An accident with injuries at a quarry or metal mine",
              "An accident with one or two deaths or people trapped",
              "An accident with 3 to 9 deaths, or a tailings dam in danger",
              "An accident with 10 or more deaths, or a tailings dam failure"],
        acts=[("tailings-inspection", "prevention", ["emergency-management"],
               "Inspect tailings dams and high slopes of open pits and order repairs",
               "Before the rainy season", None, ["expert.tailings"], None),
              ("squad-check", "preparedness", ["emergency-management"],
               "Check the standby of the rescue squad and its equipment",
               "Every month", None, ["team.quarry-rescue"], None),
              ("slope-warning", "warning", ["natural-resources", "GOV"],
               "边坡和尾矿库位移超限时通知矿山撤人 (Tell the mine to withdraw workers when slope or dam movement exceeds the limit)",
               "On a monitoring alarm", "30m", [], ["non-coal-mine-accident"]),
              ("rescue", "response", ["emergency-management"],
               "Send the rescue squad and coordinate outside forces to save trapped workers",
               "On any accident with people trapped", "1h", ["team.quarry-rescue"], None),
              ("downstream-evacuation", "response", ["GOV", "public-security"],
               "Move residents below a tailings dam in danger to high ground",
               "When a tailings dam is in danger of failure", "30m", ["shelters"], None),
              ("investigation", "recovery", ["emergency-management"],
               "Investigate the accident and supervise the rectification",
               "After the rescue ends", None, [], None)]),
    "chem": dict(
        hz=["hazardous-chemicals"], cn="危险化学品事故", en="Hazardous Chemicals Accident",
        owner="emergency-management", sup=["fire-rescue", "ecology-environment", "health", "public-security", "GOV"],
        ext="2023", hq=("危险化学品事故应急指挥部", "Hazardous Chemicals Accident Headquarters"),
        res=[("team", "hazmat", "化工灾害处置专业队 (chemical accident squad)", 15, 80, "people", "fire-rescue"),
             ("expert", "chemical", "危险化学品专家组 (hazardous chemicals experts)", 5, 25, "people", "emergency-management"),
             ("equipment", "env-monitoring", "环境应急监测车 (mobile environmental monitoring vehicles)", 1, 6, "vehicles", "ecology-environment")],
        trig=["A leak or fire confined to one plant without injuries",
              "A leak or fire with injuries or leaving the plant",
              "An accident with 3 to 9 deaths or requiring evacuation of residents",
              "An accident with 10 or more deaths or a toxic cloud over a town"],
        acts=[("major-hazard-checks", "prevention", ["emergency-management"],
               "对重大危险源企业开展专项检查 (Inspect plants with major hazard installations and their alarm and interlock systems)",
               "Every quarter", None, ["expert.chemical"], None),
              ("joint-drills", "preparedness", ["fire-rescue"],
               "Hold joint drills with plant fire brigades on leak plugging and foam attack",
               "Twice a year", None, ["team.hazmat"], None),
              ("leak-warning", "warning", ["ecology-environment"],
               "Measure the toxic gas around the plant and warn the nearby villages",
               "On any leak that leaves the plant", "30m", ["equipment.env-monitoring"], ["hazardous-chemicals"]),
              ("hazmat-response", "response", ["fire-rescue"],
               "Stop the leak, cool tanks and control fire with foam under expert advice",
               "On any chemical fire or leak", "30m", ["team.hazmat", "expert.chemical"], None),
              ("evacuate-downwind", "response", ["public-security", "GOV"],
               "Evacuate residents downwind and control the roads into the area",
               "When the toxic cloud may reach residents", "1h", ["shelters"], None),
              ("decontamination", "recovery", ["ecology-environment"],
               "Collect contaminated water in the accident pool and monitor soil and rivers until clean",
               "After the leak is stopped", None, ["equipment.env-monitoring"], None)]),
    "traffic": dict(
        hz=["road-traffic"], cn="道路交通事故", en="Road Traffic Accident", owner="transport",
        sup=["public-security", "health", "fire-rescue", "emergency-management", "GOV"], ext=None,
        hq=("道路交通事故应急处置领导小组", "Road Traffic Accident Leading Group"),
        res=[("team", "road-rescue", "公路应急抢通队 (highway emergency repair team)", 20, 200, "people", "transport"),
             ("equipment", "heavy-machinery", "协议储备工程机械 (excavators and cranes under standing agreements)", 5, 60, "machines", "transport")],
        trig=["An accident with one or two deaths",
              "An accident with 3 to 9 deaths or a bus involved",
              "An accident with 10 to 29 deaths or a hazardous goods tanker",
              "An accident with 30 or more deaths"],
        acts=[("black-spot-survey", "prevention", ["transport", "public-security"],
               "排查事故多发路段并设置警示和防护设施 (Survey accident black spots and put up signs and guard rails)",
               "Every half year", None, [], None),
              ("winter-readiness", "preparedness", ["transport"],
               "Stock de-icing salt and anti-skid material at mountain passes",
               "Before 1 November", None, ["equipment.heavy-machinery"], None),
              ("road-weather-warning", "warning", ["public-security"],
               "Warn drivers of fog, ice and closures on variable signs and traffic radio",
               "On fog or ice warnings", "30m", [], ["road-traffic"]),
              ("scene-rescue", "response", ["fire-rescue", "health"],
               "Free trapped people from vehicles, triage them and take them to hospital",
               "On any accident with people trapped or injured", "30m", ["team.fire-rescue", "team.medical"], None),
              ("clear-road", "response", ["transport"],
               "Clear wrecks and spilled loads and reopen the road",
               "After the scene investigation", "4h", ["team.road-rescue", "equipment.heavy-machinery"], None),
              ("accident-review", "recovery", ["public-security", "transport"],
               "Review the causes and fix road defects found",
               "事故处置结束后30日内 (Within 30 days after the accident)", None, [], None)]),
    "fire": dict(
        hz=["fire"], cn="火灾事故", en="Fire Accident", owner="fire-rescue",
        sup=["public-security", "health", "housing-construction", "power-supply", "GOV"], ext=None,
        hq=("火灾事故应急指挥部", "Fire Accident Headquarters"),
        res=[("equipment", "aerial-ladders", "登高平台消防车 (aerial ladder trucks)", 1, 8, "trucks", "fire-rescue"),
             ("material", "foam", "泡沫灭火剂储备 (foam concentrate reserve)", 5, 80, "tonnes", "fire-rescue")],
        trig=["A fire with no casualties",
              "A fire with injuries or in a crowded place",
              "A fire with 3 to 9 deaths",
              "A fire with 10 or more deaths"],
        acts=[("fire-inspections", "prevention", ["fire-rescue"],
               "检查人员密集场所和高层建筑的消防设施 (Check fire systems of crowded places and high-rise buildings)",
               "Every quarter", None, [], None),
              ("water-sources", "preparedness", ["fire-rescue", "housing-construction"],
               "Test hydrants and keep the map of fire water sources up to date",
               "Every half year", None, [], None),
              ("fire-danger-notice", "warning", ["fire-rescue"],
               "Warn the public and crowded places in dry and windy weather and at festivals",
               "Before festivals and in dry spells", "2h", [], ["fire"]),
              ("firefighting", "response", ["fire-rescue"],
               "Send the nearest stations, rescue trapped people first and then put out the fire",
               "On any fire call", "10m", ["equipment.aerial-ladders", "material.foam", "team.fire-rescue"], None),
              ("cordon-and-care", "response", ["public-security", "health"],
               "Cordon the area, keep access roads clear and treat the injured",
               "On any fire with casualties", "30m", ["team.medical"], None),
              ("fire-investigation", "recovery", ["fire-rescue"],
               "Investigate the cause of the fire and publish lessons learnt",
               "After the fire is out", None, [], None)]),
    "env": dict(
        hz=["environmental-pollution"], cn="突发环境事件", en="Environmental Emergency",
        owner="ecology-environment", sup=["water-resources", "emergency-management", "health", "GOV"], ext="2023",
        hq=("突发环境事件应急指挥部", "Environmental Emergency Headquarters"),
        res=[("equipment", "env-lab", "环境应急监测实验室 (emergency monitoring laboratory)", 1, 3, "labs", "ecology-environment"),
             ("material", "absorbents", "吸油毡和围油栏 (oil absorbents and booms)", 100, 5000, "units", "ecology-environment")],
        trig=["Pollution confined to one site",
              "Pollution of a river section or of farmland",
              "Pollution of a drinking water source",
              "Pollution forcing a town to stop its water supply"],
        acts=[("risk-sources", "prevention", ["ecology-environment"],
               "更新环境风险源名录并检查企业应急池 (Update the list of environmental risk sources and check their emergency pools)",
               "Every year", None, [], None),
              ("absorbent-stock", "preparedness", ["ecology-environment"],
               "Check stocks of absorbents and booms at the depots along the main river",
               "Every half year", None, ["material.absorbents"], None),
              ("water-source-alarm", "warning", ["ecology-environment", "water-resources"],
               "Warn the water works and downstream users when monitoring shows pollution",
               "On any abnormal reading at a water source station", "30m", ["equipment.env-lab"], ["environmental-pollution"]),
              ("contain-pollution", "response", ["ecology-environment", "GOV"],
               "Block the source, lay booms and build check dams to hold polluted water",
               "On any pollution reaching a river", "2h", ["material.absorbents"], None),
              ("health-advice", "response", ["health"],
               "Advise residents on drinking water and treat people exposed",
               "When a drinking water source is affected", "2h", [], None),
              ("damage-assessment", "recovery", ["ecology-environment"],
               "Assess environmental damage and order the polluter to restore it",
               "After the pollution is contained", None, [], None)]),
    "epidemic": dict(
        hz=["infectious-disease"], cn="传染病疫情", en="Infectious Disease Outbreak", owner="health",
        sup=["public-security", "transport", "education", "market-regulation", "GOV"], ext="2023",
        hq=("突发公共卫生事件应急指挥部", "Public Health Emergency Headquarters"),
        res=[("team", "epidemic", "疾控中心流调队 (epidemiological investigation teams)", 10, 80, "people", "health"),
             ("facility", "isolation", "集中隔离医学观察点 (designated quarantine sites)", 1, 10, "sites", "health"),
             ("material", "ppe", "医用防护用品储备 (protective equipment reserve)", 2000, 50000, "sets", "health")],
        trig=["A cluster of a notifiable disease in one place",
              "An outbreak spreading to two or more townships",
              "An outbreak spreading to two or more districts or with deaths",
              "A Class A disease case or an outbreak declared by the province"],
        acts=[("surveillance", "prevention", ["health"],
               "运行传染病网络直报和症状监测 (Run online case reporting and syndromic surveillance)",
               "Every day", None, [], ["infectious-disease"]),
              ("stockpile", "preparedness", ["health"],
               "Keep protective equipment, test kits and medicines for 30 days of response",
               "Checked every quarter", None, ["material.ppe"], None),
              ("risk-assessment", "warning", ["health"],
               "Assess the outbreak risk and propose a warning level to the government",
               "On an abnormal rise of cases or a cluster", "2h", ["team.epidemic"], ["infectious-disease"]),
              ("contact-tracing", "response", ["health", "public-security"],
               "Trace contacts, test them and quarantine those at risk",
               "On any confirmed cluster", "24h", ["team.epidemic", "facility.isolation"], None),
              ("school-measures", "response", ["education"],
               "Check pupils' temperatures, report absences and close classes on advice of the CDC",
               "During an outbreak affecting schools", None, [], None),
              ("terminal-disinfection", "recovery", ["health"],
               "Disinfect places of cases and evaluate the response",
               "After the last case is discharged", None, [], None)]),
    "food": dict(
        hz=["food-safety"], cn="食品安全事故", en="Food Safety Incident", owner="market-regulation",
        sup=["health", "public-security", "education", "agriculture", "GOV"], ext=None,
        hq=("食品安全事故应急指挥部", "Food Safety Incident Headquarters"),
        res=[("equipment", "food-lab", "食品快速检测车 (mobile food testing vehicles)", 1, 4, "vehicles", "market-regulation")],
        trig=["Food poisoning of fewer than 30 people without deaths",
              "Food poisoning of 30 to 99 people",
              "Food poisoning of 100 or more people or with deaths",
              "A food safety incident spreading across districts with deaths"],
        acts=[("canteen-checks", "prevention", ["market-regulation"],
               "检查学校食堂和集体用餐配送单位 (Inspect school canteens and meal caterers)",
               "Every term", None, [], ["food-safety"]),
              ("lab-readiness", "preparedness", ["market-regulation"],
               "Keep the mobile testing vehicle stocked with rapid test kits",
               "Every month", None, ["equipment.food-lab"], None),
              ("product-alert", "warning", ["market-regulation"],
               "Warn sellers and the public of unsafe food and order it off the shelves",
               "On a positive test of a food product", "2h", [], ["food-safety"]),
              ("treat-patients", "response", ["health"],
               "Treat poisoned people and take samples of vomit and blood",
               "On any food poisoning", "1h", ["team.medical"], None),
              ("seal-and-test", "response", ["market-regulation"],
               "Seal the suspect food and the kitchen and test samples",
               "On any food poisoning", "2h", ["equipment.food-lab"], None),
              ("accountability", "recovery", ["market-regulation", "public-security"],
               "Determine the cause and punish those responsible",
               "After the incident", None, [], None)]),
    "mass": dict(
        hz=["mass-incident"], cn="群体性事件", en="Mass Incident", owner="public-security",
        sup=["political-legal", "petitions", "publicity", "GOV"], ext=None,
        hq=("处置群体性事件领导小组", "Mass Incident Leading Group"),
        res=[("team", "special-police", "公安特警队 (SWAT team)", 20, 120, "people", "public-security")],
        trig=["A gathering of fewer than 100 people blocking an office",
              "A gathering of 100 to 500 people or blocking a road",
              "A gathering of 500 to 1000 people or with violence",
              "A gathering of more than 1000 people or an attack on a government building"],
        acts=[("dispute-screening", "prevention", ["political-legal", "GOV"],
               "排查矛盾纠纷，逐件落实化解责任人 (Screen disputes every month and assign a person to resolve each)",
               "Every month", None, [], None),
              ("petition-reception", "preparedness", ["petitions"],
               "Receive petitioners on open days and follow up their cases within 15 days",
               "Every week", None, [], None),
              ("early-warning", "warning", ["public-security"],
               "Gather information on planned gatherings and alert the leading group",
               "On any sign of a planned gathering", "1h", [], ["mass-incident"]),
              ("on-site-dialogue", "response", ["GOV", "petitions"],
               "Send officials to talk with the crowd and take their demands",
               "On any gathering", "30m", [], None),
              ("keep-order", "response", ["public-security"],
               "Keep order, protect offices and stop violence with minimum force",
               "When the gathering turns violent", "15m", ["team.special-police"], None),
              ("resolve-demands", "recovery", ["political-legal"],
               "Resolve the legitimate demands and explain the law on the others",
               "After the gathering ends", None, [], None)]),
    "utility": dict(
        hz=["utility-failure"], cn="城市供水供电供气事故", en="Utility Failure", owner="housing-construction",
        sup=["power-supply", "emergency-management", "public-security", "GOV"], ext=None,
        hq=("城市生命线事故应急指挥部", "Urban Lifeline Emergency Headquarters"),
        res=[("team", "utility-repair", "供水供气抢修队 (water and gas repair teams)", 20, 150, "people", "housing-construction"),
             ("equipment", "water-trucks", "应急供水车 (water tankers)", 2, 20, "trucks", "housing-construction")],
        trig=["An outage or gas leak affecting fewer than 1000 households",
              "An outage affecting 1000 to 10000 households or a gas explosion",
              "An outage affecting more than 10000 households for over 24 hours",
              "A citywide failure of water, power or gas"],
        acts=[("pipe-inspection", "prevention", ["housing-construction"],
               "巡检燃气和供水主管网，更换老旧管线 (Patrol gas and water mains and replace old pipes)",
               "Every month", None, [], None),
              ("repair-readiness", "preparedness", ["housing-construction"],
               "Keep repair teams on standby and spare parts in stock",
               "Every day", None, ["team.utility-repair"], None),
              ("supply-warning", "warning", ["housing-construction", "power-supply"],
               "Tell residents of planned or expected outages by SMS and community notices",
               "Before any outage of more than 4 hours", "1h", [], ["utility-failure"]),
              ("emergency-repair", "response", ["housing-construction", "power-supply"],
               "Isolate the damaged section, repair it and restore supply",
               "On any burst main, gas leak or outage", "1h", ["team.utility-repair"], None),
              ("water-tankers", "response", ["housing-construction"],
               "Send water tankers to hospitals, schools and residential blocks",
               "When the water supply is cut for more than 12 hours", "2h", ["equipment.water-trucks"], None),
              ("network-review", "recovery", ["housing-construction"],
               "Review the failure and plan the renewal of the network",
               "After supply is restored", None, [], None)]),
    "animal": dict(
        hz=["animal-epidemic"], cn="重大动物疫情", en="Major Animal Epidemic", owner="agriculture",
        sup=["market-regulation", "public-security", "transport", "GOV"], ext=None,
        hq=("重大动物疫病防控指挥部", "Animal Epidemic Control Headquarters"),
        res=[("material", "vet-supplies", "动物防疫物资储备 (disinfectants and vaccines)", 100, 5000, "units", "agriculture")],
        trig=["A suspected case of a Class I animal disease",
              "A confirmed outbreak at one farm",
              "Outbreaks at two or more farms",
              "Outbreaks in two or more districts"],
        acts=[("immunisation", "prevention", ["agriculture"],
               "组织春秋两季集中免疫 (Organise the spring and autumn mass vaccination of livestock)",
               "Every spring and autumn", None, ["material.vet-supplies"], None),
              ("vet-stockpile", "preparedness", ["agriculture"],
               "Keep disinfectants, protective suits and culling equipment in reserve",
               "Checked every quarter", None, ["material.vet-supplies"], None),
              ("disease-reporting", "warning", ["agriculture"],
               "Report suspected cases and send samples to the laboratory",
               "On any suspected case", "2h", [], ["animal-epidemic"]),
              ("cull-and-disinfect", "response", ["agriculture", "GOV"],
               "Cull infected herds, disinfect farms and set up checkpoints around the zone",
               "On a confirmed outbreak", "24h", ["material.vet-supplies"], None),
              ("movement-control", "response", ["public-security", "transport"],
               "Stop the movement of animals out of the zone",
               "On a confirmed outbreak", "12h", [], None),
              ("restock", "recovery", ["agriculture"],
               "Allow restocking after the sentinel animals test negative",
               "After the zone is lifted", None, [], None)]),
}
GROUP_ORDER = list(GROUPS)
CITY_BASE_GROUPS = ["flood", "traffic", "epidemic", "fire"]
COUNTY_BASE_GROUPS = ["traffic", "fire"]

# General resources of every city and county inventory: (type, name, label, lo, hi, unit, holder)
GENERAL_RES = [
    ("facility", "shelters", "应急避难场所 (designated emergency shelters)", 5, 60, "sites", "emergency-management"),
    ("material", "relief", "救灾物资储备 (tents and quilts and folding beds)", 500, 20000, "sets", "emergency-management"),
    ("team", "fire-rescue", "消防救援队伍 (fire and rescue brigade)", 40, 500, "people", "fire-rescue"),
    ("team", "medical", "紧急医学救援队 (medical rescue team)", 20, 150, "people", "health"),
    ("team", "militia", "民兵应急分队 (militia emergency company)", 40, 300, "people", "MIL"),
    ("equipment", "comms-vehicle", "应急通信指挥车 (satellite communication command vehicle)", 1, 4, "vehicles", "emergency-management"),
    ("equipment", "warning-platform", "突发事件预警信息发布平台 (early warning release platform)", 1, 1, "systems", "meteorology"),
    ("expert", "panel", "应急管理专家组 (emergency expert panel)", 10, 90, "people", "emergency-management"),
    ("fund", "reserve", "预备费 (emergency reserve fund)", 2, 60, "million CNY", "finance"),
]

# ---------------------------------------------------------------------------------------------
# Departmental plans: divisions (slug, Chinese, English duties) of each agency that may lead.

DEPT_DIVISIONS = {
    "emergency-management": [("command-center", "指挥中心", ["Run the 24-hour duty desk and the video link to the sites", "Keep the contact list of all rescue forces"]),
                             ("rescue-coordination", "救援协调科", ["Dispatch rescue teams and track their tasks"]),
                             ("disaster-relief", "救灾和物资保障科", ["Manage relief stocks and pay emergency relief"]),
                             ("risk-monitoring", "风险监测和综合减灾科", ["Keep the risk register and run the risk monitoring platform"])],
    "public-security": [("command-center", "指挥中心", ["Take 110 calls and dispatch police", "Report serious incidents to the bureau leaders at once"]),
                        ("special-police", "特警大队", ["Handle violent incidents and protect key sites"]),
                        ("traffic-police", "交警大队", ["Control traffic and open green routes for rescue vehicles"]),
                        ("patrol-police", "巡特警大队", ["Cordon incident sites and keep order"])],
    "water-resources": [("flood-office", "水旱灾害防御科", ["Run the flood-season duty desk", "Issue dispatch orders to reservoirs"]),
                        ("hydrology-station", "水文站", ["Measure river levels and forecast floods"]),
                        ("reservoir-management", "水库管理所", ["Patrol dams and operate spillways"]),
                        ("engineering-team", "水利工程抢险队", ["Repair embankments and dams in danger"])],
    "energy": [("coal-dispatch", "煤炭调度中心", ["Watch the online monitoring of every mine", "Keep the duty desk for mine reports"]),
               ("coal-technology", "煤炭技术科", ["Keep mine drawings and advise on rescue technology"]),
               ("coal-supervision", "煤矿安全监管科", ["Inspect mines and enforce stop orders"])],
    "health": [("health-emergency-office", "卫生应急办公室", ["Run the health emergency duty desk"]),
               ("disease-control", "疾病预防控制中心", ["Investigate outbreaks and test samples"]),
               ("medical-administration", "医政医管科", ["Assign hospitals and beds for the injured"]),
               ("medical-rescue-center", "紧急医疗救援中心", ["Dispatch ambulances and the medical rescue team"])],
    "forestry": [("forest-fire-station", "森林防火站", ["Run lookout towers and cameras", "Dispatch the professional team"]),
                 ("forest-stations", "林业站", ["Manage rangers in each forest area"]),
                 ("forest-police", "森林公安", ["Investigate the cause of fires"])],
    "natural-resources": [("geo-hazard-office", "地质灾害防治科", ["Keep the hazard point list and the observer network"]),
                          ("geo-survey-team", "地质环境监测站", ["Survey landslides and advise on danger zones"]),
                          ("mining-management", "矿产资源管理科", ["Watch mining subsidence areas"])],
    "ecology-environment": [("env-monitoring-station", "环境监测站", ["Monitor air and water in an emergency"]),
                            ("law-enforcement-team", "综合执法大队", ["Stop illegal discharges and collect evidence"]),
                            ("pollution-control", "污染防治科", ["Plan the containment of pollution"])],
    "transport": [("road-management", "公路管理段", ["Patrol roads and repair damage"]),
                  ("transport-dispatch", "运输调度中心", ["Call up buses and trucks for evacuation and supplies"]),
                  ("traffic-engineering", "交通工程质量监督站", ["Check bridges and tunnels after a disaster"])],
    "fire-rescue": [("command-center", "作战指挥中心", ["Take 119 calls and dispatch stations"]),
                    ("fire-stations", "消防救援站", ["Fight fires and rescue people"]),
                    ("fire-prevention", "防火监督科", ["Inspect buildings and investigate fires"])],
    "market-regulation": [("food-safety-division", "食品安全协调科", ["Inspect food producers and canteens"]),
                          ("special-equipment-division", "特种设备安全监察科", ["Inspect boilers, lifts and pressure vessels"]),
                          ("inspection-institute", "检验检测所", ["Test food and equipment samples"])],
    "agriculture": [("animal-disease-control", "动物疫病预防控制中心", ["Diagnose animal diseases and plan their control"]),
                    ("veterinary-stations", "乡镇畜牧兽医站", ["Vaccinate herds and report suspected cases"]),
                    ("plant-protection", "植保站", ["Monitor crop pests"])],
    "housing-construction": [("gas-supervision", "燃气管理科", ["Supervise gas companies and their repair teams"]),
                             ("water-supply-office", "供水管理科", ["Supervise the water works and the network"]),
                             ("building-safety", "房屋安全鉴定站", ["Assess damaged houses"])],
    "earthquake-agency": [("monitoring-center", "地震监测中心", ["Run the seismic network", "Issue rapid reports of felt earthquakes"]),
                          ("damage-assessment", "震害评估科", ["Estimate damage after earthquakes"]),
                          ("public-education", "防震减灾宣传科", ["Teach schools and communities how to take cover"])],
    "meteorology": [("forecast-center", "气象台", ["Forecast severe weather"]),
                    ("warning-center", "预警信息发布中心", ["Release warnings to the public"])],
}

# ---------------------------------------------------------------------------------------------
# Unit plans

UNIT_TYPES = {
    # type: (needs group, parent preference in a county, Chinese suffix, English suffix, hazards, roles)
    "coal-mine": dict(group="coal", cn="煤业有限公司{n}煤矿", en="{N} Coal Mine", hz=["coal-mine-accident"],
                      extra=["fire", "occupational-poisoning", "mountain-torrent"], lead="Mine manager",
                      divisions=[("dispatch", ["Order withdrawal on any alarm without waiting for approval", "Keep the count of people underground"]),
                                 ("ventilation", ["Monitor gas and keep ventilation running"]),
                                 ("geology", ["Explore ahead for water and watch old workings"]),
                                 ("electromech", ["Keep power and pumps running and cut power on gas alarms"]),
                                 ("safety", ["Train workers and lead the auxiliary rescue squad"])]),
    "quarry": dict(group="noncoal", cn="矿业有限公司{n}铁矿", en="{N} Iron Mine", hz=["non-coal-mine-accident"],
                   extra=["geological-disaster", "fire"], lead="Mine manager",
                   divisions=[("dispatch", ["Keep the duty desk and the count of people underground", "Call the rescue squad"]),
                              ("tailings", ["Watch the tailings dam and its seepage"]),
                              ("blasting", ["Control explosives and blasting"]),
                              ("safety", ["Train workers and inspect working faces"])]),
    "chemical-plant": dict(group="chem", cn="化工有限公司", en="{N} Chemical Co.", hz=["hazardous-chemicals"],
                           extra=["fire", "environmental-pollution", "occupational-poisoning"], lead="General manager",
                           divisions=[("dispatch", ["Watch the DCS and gas alarms around the clock", "Order emergency shutdown of any unit"]),
                                      ("safety", ["Manage major hazard installations and the accident pool"]),
                                      ("fire-brigade", ["Fight fires and rescue gassed workers"]),
                                      ("equipment", ["Maintain gas detectors and isolate damaged equipment"])]),
    "school": dict(group=None, cn="中学", en="{N} Middle School", hz=["fire", "food-safety"],
                   extra=["infectious-disease", "earthquake"], lead="Headmaster",
                   divisions=[("safety-office", ["Run safety checks and evacuation drills"]),
                              ("class-teachers", ["Lead and count their classes"]),
                              ("dorm-supervisors", ["Wake and lead boarding pupils at night"]),
                              ("logistics", ["Run the canteen safely and keep food samples"])]),
    "hospital": dict(group=None, cn="医院", en="{N} Hospital", hz=["fire", "infectious-disease"],
                     extra=["utility-failure", "mass-unexplained-illness"], lead="Hospital president",
                     divisions=[("medical-affairs", ["Organise treatment teams and bed surge"]),
                                ("infection-control", ["Screen patients at the entrance and report cases", "Guide disinfection of wards"]),
                                ("nursing", ["Move and care for patients during evacuation"]),
                                ("logistics", ["Keep power, oxygen and water running", "Keep 48 hours of generator fuel"]),
                                ("security", ["Fire safety and order in the hospital"])]),
}

UNIT_ACTIONS = {
    "coal-mine": [
        ("gas-control", "prevention", "ventilation", "每班检查各工作面瓦斯，超限停工断电 (Check gas at every working face each shift; stop work at 1.0 percent methane and cut power at 1.5 percent)", "Every shift", None, "gas-monitoring", ["coal-mine-accident"]),
        ("explore-before-digging", "prevention", "geology", "Drill ahead of every heading near old workings and faults before driving on", "Before each advance of 30 m in water-hazard zones", None, None, ["coal-mine-accident"]),
        ("self-rescue-training", "preparedness", "safety", "Train every worker to put on the self-rescuer within 30 seconds and to walk the escape routes", "On hiring and every quarter", None, "self-rescuers", None),
        ("withdraw-on-alarm", "warning", "dispatch", "Order all workers out by broadcast and phone and check them out with the positioning system", "On a gas over-limit, abnormal water, smoke or CO alarm", "10m", "positioning", None),
        ("report-and-call", "response", "dispatch", "立即向县应急管理局和能源局报告并呼叫矿山救护队 (Report to the county and call the mine rescue squad)", "On any accident underground", "10m", None, None),
        ("first-rescue", "response", "safety", "Send the auxiliary rescue squad to guide miners to refuge chambers until the professional squad arrives", "Until the mine rescue squad takes over", None, "rescue-squad", ["coal-mine-accident"]),
        ("pump-out", "response", "electromech", "Start the main and standby pumps and keep their power on two lines", "On water inrush", None, "drainage-pumps", None),
        ("seal-and-restart", "recovery", "OWNER", "Keep the accident area sealed, support the investigation and restart only after acceptance", "After the rescue ends", None, None, None),
    ],
    "quarry": [
        ("dam-inspection", "prevention", "tailings", "巡查尾矿库坝体和排洪设施 (Patrol the tailings dam and its spillway)", "Every day, every 2 hours in heavy rain", None, "dam-monitoring", ["non-coal-mine-accident"]),
        ("explosives-control", "prevention", "blasting", "Count explosives in and out of the magazine and keep the blasting log", "Every shift", None, None, None),
        ("rescue-training", "preparedness", "safety", "Train the part-time rescue squad in rope rescue and first aid", "Every quarter", None, "rescue-squad", None),
        ("slope-alarm", "warning", "dispatch", "Withdraw workers from the pit and warn the villages below the dam", "On a displacement or seepage alarm", "15m", "dam-monitoring", None),
        ("report-and-call", "response", "dispatch", "Report to the county and call the non-coal mine rescue squad", "On any accident with injuries", "10m", None, None),
        ("first-rescue", "response", "safety", "Free trapped workers where safe and give first aid", "Until the rescue squad arrives", None, "rescue-squad", None),
        ("restart", "recovery", "OWNER", "恢复生产前完成整改并经县级验收 (Restart only after the county accepts the rectification)", "After the accident", None, None, None),
    ],
    "chemical-plant": [
        ("hazard-patrol", "prevention", "safety", "巡检储罐区和装置区，校验可燃有毒气体报警器 (Patrol tank farms and units and calibrate gas detectors)", "Every 2 hours", None, "gas-detectors", ["hazardous-chemicals"]),
        ("brigade-training", "preparedness", "fire-brigade", "Train the plant fire brigade in leak plugging and foam attack", "Every month", None, "foam-trucks", None),
        ("alarm-response", "warning", "dispatch", "Shut down the unit concerned and warn the neighbouring villages by siren", "On a gas alarm or abnormal pressure", "5m", "gas-detectors", None),
        ("report", "response", "OWNER", "Report to the county emergency management bureau and call 119", "On any fire, explosion or leak", "10m", None, None),
        ("leak-control", "response", "fire-brigade", "Plug the leak, cool neighbouring tanks and contain spills in the accident pool", "On any leak", "15m", "foam-trucks", ["hazardous-chemicals"]),
        ("isolate-equipment", "response", "equipment", "Isolate damaged equipment and drain it to a safe tank", "After the leak is controlled", None, None, None),
        ("clean-up", "recovery", "safety", "Treat contaminated water from the accident pool before discharge", "After the incident", None, "accident-pool", ["hazardous-chemicals"]),
    ],
    "school": [
        ("safety-checks", "prevention", "safety-office", "检查灭火器、疏散通道和应急照明 (Check extinguishers, escape doors and emergency lights)", "Every week", None, "extinguishers", None),
        ("class-drills", "preparedness", "class-teachers", "Teach each class its escape routes and practise leaving the building within 3 minutes", "Every month", None, None, None),
        ("weather-alert", "warning", "safety-office", "Keep pupils at school and stop boarders walking home in severe weather", "On a call from the government or an orange warning", "30m", "broadcast", None),
        ("evacuate-building", "response", "class-teachers", "Lead pupils out by the marked routes to the playground and count them against the roll", "On the fire alarm or the headmaster's order", "5m", "broadcast", ["fire"]),
        ("report-incident", "response", "OWNER", "拨打119或120并向教育局报告 (Call 119 or 120 and report to the education bureau)", "On any incident with injured pupils", "10m", None, None),
        ("food-poisoning", "response", "logistics", "Stop the canteen, keep the food samples sealed and take sick pupils to hospital", "When two or more pupils fall ill after a meal", "15m", None, ["food-safety"]),
        ("after-care", "recovery", "OWNER", "Inform parents, arrange counselling and resume classes after the buildings are checked", "After the incident", None, None, None),
    ],
    "hospital": [
        ("pre-screening", "prevention", "infection-control", "在入口对就诊者进行预检分诊 (Screen everyone at the entrance for fever and cough)", "Every day", None, "fever-clinic", ["infectious-disease"]),
        ("surge-plan", "preparedness", "medical-affairs", "Keep a second-shift staff list and the plan to open an isolation ward within 24 hours", "Reviewed every quarter", None, "isolation-ward", None),
        ("case-report", "warning", "infection-control", "Report notifiable diseases online and call the CDC at once for clusters", "On diagnosis", "2h", None, ["infectious-disease"]),
        ("isolate-and-treat", "response", "medical-affairs", "Open the isolation ward and assign fixed teams with full protective equipment", "On a cluster in the hospital", "24h", "isolation-ward", ["infectious-disease"]),
        ("power-failure", "response", "logistics", "Check that the generators have taken over the ICU and theatres and call the power company", "On loss of mains power", "5m", "generators", None),
        ("fire-evacuation", "response", "security", "Move patients horizontally to the next fire compartment and call 119", "On a confirmed fire", "5m", None, ["fire"]),
        ("terminal-disinfection", "recovery", "infection-control", "Disinfect wards and equipment after the last patient leaves", "After the isolation ward closes", None, None, None),
    ],
}

# Inline resources of units: key -> (type, label, lo, hi, unit, division)
UNIT_RES = {
    "coal-mine": {"gas-monitoring": ("equipment", "甲烷传感器 (methane sensors)", 60, 300, "sensors", "ventilation"),
                  "self-rescuers": ("equipment", "压缩氧自救器 (self-rescuers)", 200, 2000, "units", "safety"),
                  "positioning": ("equipment", "人员位置监测系统 (personnel positioning system)", 1, 1, "systems", "dispatch"),
                  "rescue-squad": ("team", "矿兼职救护队 (auxiliary rescue squad)", 10, 40, "people", "safety"),
                  "drainage-pumps": ("equipment", "主排水泵 (main and standby pumps)", 2, 8, "pumps", "electromech")},
    "quarry": {"dam-monitoring": ("equipment", "尾矿库在线监测系统 (tailings dam monitoring system)", 1, 1, "systems", "tailings"),
               "rescue-squad": ("team", "兼职救护队 (part-time rescue squad)", 8, 30, "people", "safety")},
    "chemical-plant": {"gas-detectors": ("equipment", "可燃有毒气体报警器 (gas detectors)", 40, 400, "detectors", "safety"),
                       "foam-trucks": ("equipment", "泡沫消防车 (foam fire trucks)", 1, 4, "trucks", "fire-brigade"),
                       "accident-pool": ("facility", "事故应急池 (accident pool)", 1, 3, "pools", "safety")},
    "school": {"extinguishers": ("equipment", "灭火器 (fire extinguishers)", 40, 300, "units", "safety-office"),
               "broadcast": ("equipment", "校园广播 (campus broadcast system)", 1, 1, "systems", "safety-office")},
    "hospital": {"fever-clinic": ("facility", "发热门诊 (fever clinic)", 1, 1, "clinics", "infection-control"),
                 "isolation-ward": ("facility", "可转换隔离病区 (convertible isolation ward)", 10, 80, "beds", "medical-affairs"),
                 "generators": ("equipment", "柴油发电机组 (diesel generators)", 1, 4, "sets", "logistics")},
}

REVISION_REASONS = [
    "First edition", "首次发布 (First edition)", "Institutional reform of emergency management",
    "Findings of the last drill", "演练发现问题整改 (Drill findings worked in)", "New risk survey results",
    "Aligned with the revised higher-level plan", "Changes of member agencies and contacts",
    "根据上级预案修订 (Revised after the higher-level plan)", "Lessons from a real response",
]
DRILL_FINDINGS = [
    "Duty desks answered the warning call-back slowly at night",
    "Shelter opening was delayed by missing keys",
    "转移名单未及时更新 (Transfer lists were out of date)",
    "Radio contact with the site was lost for 20 minutes",
    "Two teams arrived at the wrong assembly point",
    "应急物资台账与实物不符 (Stock records did not match the warehouse)",
    "The satellite phone batteries were flat",
    "Nobody knew who may declare a Level IV response",
    "Evacuation took longer than planned",
    "The warning broadcast could not be heard over heavy rain",
]
DRILL_TYPES = ["tabletop", "functional", "full-scale"]

# ---------------------------------------------------------------------------------------------
# Small helpers

EPOCH_GOV = (datetime.date(2024, 3, 1).toordinal(), datetime.date(2026, 8, 31).toordinal())
EPOCH_UNIT = (datetime.date(2025, 6, 1).toordinal(), datetime.date(2026, 8, 31).toordinal())
LATEST_DRILL = datetime.date(2026, 11, 20).toordinal()
UNIT_DRILL_FROM = datetime.date(2025, 12, 5).toordinal()
FD = datetime.date.fromordinal


def weekday(o):
    wd = FD(o).weekday()
    return o + (7 - wd if wd >= 5 else 0)


class Dates:
    __slots__ = ("issued", "filed", "evaluated", "drills", "revisions")


def make_dates(rng, unit, version):
    d = Dates()
    lo, hi = EPOCH_UNIT if unit else EPOCH_GOV
    issued = weekday(rng.randint(lo, hi))
    d.issued = issued
    d.filed = issued + rng.randint(3, 18)  # at most 14 working days
    d.evaluated = None
    if not unit and issued < datetime.date(2025, 3, 1).toordinal() and rng.random() < 0.4:
        d.evaluated = weekday(rng.randint(issued + 200, datetime.date(2026, 10, 30).toordinal()))
    # drills: one with findings before the revision, one without after it (recent enough)
    drills = []
    if rng.random() < 0.85:
        first = issued - rng.randint(30, 330)
        drills.append((first, rng.choice(DRILL_TYPES), rng.sample(DRILL_FINDINGS, rng.randint(1, 2))))
    lo2 = max(issued + 10, UNIT_DRILL_FROM) if unit else issued + 10
    drills.append((rng.randint(lo2, LATEST_DRILL), rng.choice(DRILL_TYPES), None))
    d.drills = drills
    # revisions: earlier versions, then the current version issued on `issued`
    major, minor = version
    revs = []
    n = rng.randint(0, 2)
    date = issued
    vm, vn = major, minor
    for _ in range(n):
        if vn > 0:
            vn -= 1
        elif vm > 1:
            vm -= 1
            vn = rng.randint(0, 3)
        else:
            break
        date -= rng.randint(300, 1100)
        revs.append((f"{vm}.{vn}", date, rng.choice(REVISION_REASONS)))
    revs.reverse()
    revs.append((f"{major}.{minor}", issued, rng.choice(REVISION_REASONS)))
    d.revisions = revs
    return d


def iso(o):
    return FD(o).isoformat()


def duties_block(out, duties, indent):
    pad = " " * indent
    out.append(f"{pad}duties:\n")
    for t in duties:
        out.append(f"{pad}  - {t}\n")


def flow_list(items):
    return "[" + ", ".join(items) + "]"


def who_text(who):
    return who[0] if len(who) == 1 else flow_list(who)


def emit_header(out, pid, title, kind, level, region, owner, version, d, parent=None, master=None):
    out.append("eplan: plan/v1\n")
    out.append(f"id: {pid}\n")
    out.append(f"title: {title}\n")
    out.append(f"kind: {kind}\nlevel: {level}\nregion: {region}\nowner: {owner}\nstatus: in-force\n")
    out.append(f'version: "{version}"\nissued: {iso(d.issued)}\nfiled: {iso(d.filed)}\n')
    if d.evaluated:
        out.append(f"evaluated: {iso(d.evaluated)}\n")
    if parent:
        out.append(f'parent: {{id: {parent[0]}, version: "{parent[1]}"}}\n')
    if master:
        out.append(f"master: {master}\n")


def emit_tail(out, d):
    out.append("drills:\n")
    for date, typ, findings in d.drills:
        out.append(f"  - date: {iso(date)}\n    type: {typ}\n")
        if findings:
            out.append("    findings:\n")
            for f in findings:
                out.append(f"      - {f}\n")
    out.append("revisions:\n")
    for v, date, reason in d.revisions:
        out.append(f'  - version: "{v}"\n    date: {iso(date)}\n    reason: {reason}\n')


def emit_action(out, aid, phase, who, how, when, within, resources, hazards):
    out.append(f"  - id: {aid}\n    phase: {phase}\n    who: {who_text(who)}\n    how: {how}\n")
    if when is not None:
        out.append(f"    when: {when}\n")
    if within:
        out.append(f"    within: {within}\n")
    out.append(f"    resources: {flow_list(resources)}\n")
    if hazards:
        out.append(f"    hazards: {flow_list(hazards)}\n")


# Follow-up reports go at least as often down the levels as above them (reporting-looser compares
# follow-up since contract 1.1): the interval is the level's. The drawn value only keeps the random
# stream, and so every other part of the repository, as it was.
FOLLOW_UP = {"provincial": "24h", "municipal": "12h", "county": "6h", "township": "4h", "community": "2h"}


def emit_reporting(out, initial, written, drawn, to, level):
    follow = FOLLOW_UP[level]
    out.append(f"reporting:\n  initial: {initial}\n  written: {written}\n  follow-up: {follow}\n  to: {to}\n")


CITY_INITIAL = "{I: 30m, II: 30m, III: 1h, IV: 2h}"
CITY_WRITTEN = "{I: 1h, II: 2h, III: 4h, IV: 12h}"
COUNTY_INITIAL = "{I: 15m, II: 15m, III: 30m, IV: 1h}"
COUNTY_WRITTEN = "{I: 1h, II: 1h, III: 2h, IV: 4h}"
LEVEL_NAMES = ["IV", "III", "II", "I"]


def version_pair(rng):
    return (rng.randint(1, 6), rng.randint(0, 9))


def vstr(v):
    return f"{v[0]}.{v[1]}"


# ---------------------------------------------------------------------------------------------
# Skeleton: the government structure of one city (cheap; the main process sizes the repository
# with it and the worker regenerates the same skeleton from the same seed).

class Skeleton:
    pass


def skeleton(seed, ci, minimal=False):
    rng = random.Random(f"{seed}/skeleton/{ci}")
    sk = Skeleton()
    others = [g for g in GROUP_ORDER if g not in CITY_BASE_GROUPS]
    if minimal:
        sk.groups = CITY_BASE_GROUPS[:3]
        ncounties = 2
    else:
        sk.groups = CITY_BASE_GROUPS + rng.sample(others, rng.randint(3, 7))
        ncounties = rng.randint(3, 7)
    sk.groups = [g for g in GROUP_ORDER if g in sk.groups]
    extra_lead = [GROUPS[g]["owner"] for g in sk.groups
                  if GROUPS[g]["owner"] not in ("emergency-management", "public-security")]
    sk.leads = ["emergency-management", "public-security"]
    if extra_lead and not minimal:
        sk.leads.append(rng.choice(extra_lead))
    sk.counties = []
    for k in range(ncounties):
        c = Skeleton()
        if minimal:
            c.groups = ["traffic", "flood"]
            c.townships = 2
        else:
            pool = [g for g in sk.groups if g not in COUNTY_BASE_GROUPS]
            c.groups = [g for g in COUNTY_BASE_GROUPS if g in sk.groups] + rng.sample(pool, rng.randint(1, min(4, len(pool))))
            c.townships = rng.randint(4, 10)
        c.groups = [g for g in GROUP_ORDER if g in c.groups]
        c.leads = ["emergency-management"]
        if "coal" in c.groups:
            c.leads.append("energy")
        elif not minimal and rng.random() < 0.5:
            cand = [GROUPS[g]["owner"] for g in c.groups if GROUPS[g]["owner"] != "emergency-management"]
            c.leads.append(rng.choice(cand))
        sk.counties.append(c)
    sk.core = 1 + len(sk.groups) + len(sk.leads) + sum(1 + len(c.groups) + len(c.leads) + c.townships for c in sk.counties)
    return sk


# ---------------------------------------------------------------------------------------------
# City generation (runs in worker processes)

def gen_city(args):
    seed, ci, minimal, optional, out_dir, defects = args
    sk = skeleton(seed, ci, minimal)
    rng = random.Random(f"{seed}/city/{ci}")
    files = {}   # relpath -> text
    expected = []
    cid = f"p{ci + 1:04d}"
    ccn, cpy, cen = make_name(rng)
    city = dict(path=cid, pid=cid, cn=ccn + "市", en=cen + " City", level="municipal", groups=sk.groups)
    city_hz = [h for g in sk.groups for h in GROUPS[g]["hz"]]
    MIL_C, GOV_C = "military-subdistrict", "county-governments"

    # city master organization
    city_members = list(CITY_STANDARD)
    for g in sk.groups:
        for a in [GROUPS[g]["owner"]] + GROUPS[g]["sup"]:
            a = {"MIL": MIL_C, "GOV": GOV_C}.get(a, a)
            if a not in city_members:
                city_members.insert(len(city_members) - 1, a)
    city["members"] = city_members
    city_master_v = version_pair(rng)
    city["master_id"] = f"{cid}.master"
    city["master_v"] = vstr(city_master_v)

    # inventories
    inventory_files = {}

    def inventory(region_path, pid_prefix, groups, mil, rng):
        lines = [f"# Emergency resources of {region_path} (应急资源), checked each March.\n",
                 f"eplan: inventory/v1\nregion: {region_path}\nresources:\n"]
        ids = {}
        for typ, name, label, lo, hi, unit, holder in GENERAL_RES:
            rid = f"{pid_prefix}.{typ}.{name}" if typ not in ("facility", "fund") else f"{pid_prefix}.{name}"
            holder = mil if holder == "MIL" else holder
            lines.append(f"  - {{id: {rid}, type: {typ}, name: {label}, quantity: {rng.randint(lo, hi)}, unit: {unit}, holder: {holder}}}\n")
            ids[f"{typ}.{name}" if typ not in ("facility", "fund") else name] = rid
        for g in groups:
            for typ, name, label, lo, hi, unit, holder in GROUPS[g]["res"]:
                rid = f"{pid_prefix}.{typ}.{name}"
                lines.append(f"  - id: {rid}\n    type: {typ}\n    name: {label}\n    quantity: {rng.randint(lo, hi)}\n    unit: {unit}\n    holder: {holder}\n")
                ids[f"{typ}.{name}"] = rid
        inventory_files[f"inventory/{region_path.replace('/', '-')}.yaml"] = "".join(lines)
        return ids

    city["res"] = inventory(cid, cid, sk.groups, MIL_C, rng)

    def resolve_res(keys, res):
        return [res[k] for k in keys]

    # ---- master plans of cities and counties
    def gov_master(region, parent, members, leads, hz, level, initial, written, to, GOV, MIL, res, mutate=None):
        rng_ = rng
        out = []
        d = make_dates(rng_, False, version_pair(rng_) if "master_v_pair" not in region else region["master_v_pair"])
        v = region["master_v"]
        emit_header(out, region["master_id"], f"{region['cn']}突发事件总体应急预案 ({region['en']} Master Emergency Plan)",
                    "master", level, region["path"], "emergency-management", v, d, parent=parent)
        out.append("scope:\n  hazards:\n")
        for h in hz:
            out.append(f"    - {h}\n")
        bilingual = 0.05 if level == "municipal" else 0.3  # keeps city masters under 8 KB
        head = "Mayor" if level == "municipal" else "County magistrate"
        out.append(f"organization:\n  command:\n    name: {region['cn']}突发事件应急委员会 ({region['en']} Emergency Committee)\n"
                   f"    lead: {head}\n    office: emergency-management\n  members:\n")
        for a in members:
            out.append(f"    - agency: {a}\n")
            if a in leads:
                out.append("      role: lead\n")
            ds = MASTER_DUTIES.get(a) or [(AGENCIES[a][0] + "按职责参加应急处置", f"Take part in the response as {AGENCIES[a][1]}")]
            n = len(ds) if a in leads else 1
            duties_block(out, [f"{c} ({e})" if rng_.random() < bilingual else e for c, e in ds[:n]], 6)
        emit_reporting(out, initial, written, rng_.choice(["12h", "24h"]), to, level)
        out.append("response-levels:\n")
        trig = [
            f"A general (IV) incident within one {'county' if level == 'municipal' else 'township'}, or a request for support",
            f"A larger (III) incident, or 3 to 9 deaths, or an incident affecting two or more {'counties' if level == 'municipal' else 'townships'}",
            "A major (II) incident, or 10 to 29 deaths; the executive deputy head takes command",
            "A particularly serious (I) incident, or 30 or more deaths; the government acts under higher command",
        ]
        for i, lv in enumerate(LEVEL_NAMES):
            lead = "emergency-management" if i != 1 else "[emergency-management, public-security]"
            out.append(f"  - level: {lv}\n    trigger: {trig[i]}\n    lead: {lead}\n")
        out.append("actions:\n")
        acts = [
            ("update-risk-register", "prevention", ["emergency-management", "natural-resources", "water-resources"],
             "更新风险清单和隐患分布图，公布重大风险清单 (Update the risk register and hazard maps from the surveys and publish the list of major risks)",
             "Every year before 31 March", None, ["expert.panel"]),
            ("check-reserves", "preparedness", ["emergency-management"],
             "Inspect reserves and standing agreements, replace expired stock and test the satellite phones",
             "Every April and October", None, ["material.relief"]),
            ("release-warnings", "warning", ["meteorology", "emergency-management"],
             "通过预警平台、短信、广播和电视发布蓝、黄、橙、红色预警 (Release blue to red warnings by SMS, broadcasts and television and call the duty desks below)",
             "As soon as a warning is issued by a member agency", "30m", ["equipment.warning-platform"]),
            ("activate-command", "response", ["emergency-management"],
             "Convene the emergency committee, set up an on-site command post and send a working group with the communication vehicle",
             "启动三级及以上响应时 (On a Level III response or higher)", "2h", ["equipment.comms-vehicle", "expert.panel"]),
            ("rescue-and-evacuate", "response", ["fire-rescue", "public-security", GOV],
             "Search and rescue trapped people, evacuate the threatened area and open designated shelters",
             "Immediately after the response is declared", None, ["team.fire-rescue", "shelters"]),
            ("medical-rescue", "response", ["health"],
             "Dispatch the medical rescue team, triage at the scene and transfer the seriously injured",
             "On any incident with casualties", "1h", ["team.medical"]),
            ("militia-support", "response", [MIL],
             "Send the militia emergency company to help with evacuation and guarding",
             "On request of the command post", "2h", ["team.militia"]),
            ("release-information", "response", ["publicity"],
             "Publish first authoritative information within 5 hours and hold a press conference within 24 hours for major incidents",
             "From the start of a Level II or higher response", None, []),
            ("relief-and-recovery", "recovery", ["emergency-management", "civil-affairs", "finance"],
             "Assess losses, pay relief to affected households and fund the repair of public facilities",
             "响应结束后 (After the response ends)", None, ["reserve", "material.relief"]),
            ("after-action-review", "recovery", ["emergency-management"],
             "Review the response and report findings and plan changes to the government within 30 days",
             "After every Level III or higher response", None, []),
        ]
        for i, (aid, ph, who, how, when, within, rk) in enumerate(acts):
            if mutate == "no-when" and i == 3:
                when = None
            emit_action(out, aid, ph, who, how, when, within, resolve_res(rk, res), None)
        emit_tail(out, d)
        return "".join(out)

    # ---- special plans
    def special(region, g, parent, hz_extra, level, initial, written, to, GOV, MIL, res, bad_who=None):
        G = GROUPS[g]
        out = []
        v = region["special_v"][g]
        d = make_dates(rng, False, v)
        pid = f"{region['pid']}.{g}"
        emit_header(out, pid, f"{region['cn']}{G['cn']}应急预案 ({region['en']} {G['en']} Emergency Plan)",
                    "special", level, region["path"], G["owner"], vstr(v), d, parent=parent, master=region["master_id"])
        hz = G["hz"] + hz_extra
        out.append(f"scope:\n  hazards: {flow_list(hz)}\n")
        head = "Mayor" if level == "municipal" else "County magistrate"
        if rng.random() < 0.5:
            head = "Deputy " + head.lower()
        out.append(f"organization:\n  command:\n    name: {region['cn']}{G['hq'][0]} ({region['en']} {G['hq'][1]})\n"
                   f"    lead: {head}\n    office: emergency-management\n  members:\n")
        members = [G["owner"]] + [x for x in ["emergency-management"] + [{"MIL": MIL, "GOV": GOV}.get(a, a) for a in G["sup"]]
                                  if x != G["owner"]]
        seen = set()
        for a in members:
            if a in seen:
                continue
            seen.add(a)
            out.append(f"    - agency: {a}\n")
            if a == G["owner"]:
                out.append("      role: lead\n")
                duties_block(out, [f"{AGENCIES[a][0]}牵头{G['cn']}防范应对 (Lead the prevention of and response to {G['en'].lower()})",
                                   "Run the monitoring network and propose response levels",
                                   "Keep the plan and organise its drills"], 6)
            else:
                ds = MASTER_DUTIES.get(a) or [(AGENCIES[a][0], AGENCIES[a][1])]
                duties_block(out, [f"{c} ({e})" if rng.random() < 0.3 else e for c, e in ds[:2]], 6)
        emit_reporting(out, initial, written, rng.choice(["2h", "6h", "12h"]), to, level)
        out.append("response-levels:\n")
        for i, lv in enumerate(LEVEL_NAMES):
            lead = G["owner"] if i == 0 else (f"[emergency-management, {G['owner']}]" if i == 1 and G["owner"] != "emergency-management" else "emergency-management")
            out.append(f"  - level: {lv}\n    trigger: {G['trig'][i]}\n    lead: {lead}\n")
        out.append("actions:\n")
        for i, (aid, ph, who, how, when, within, rk, ahz) in enumerate(G["acts"]):
            who = [{"MIL": MIL, "GOV": GOV}.get(a, a) for a in who]
            if bad_who and i == 0:
                who = [bad_who] + who[1:]
            emit_action(out, aid, ph, who, how, when, within, resolve_res(rk, res), ahz)
        emit_tail(out, d)
        return pid, "".join(out)

    # ---- departmental plans
    def departmental(region, agency, level, parent, initial, written, to, res):
        out = []
        v = version_pair(rng)
        d = make_dates(rng, False, v)
        pid = f"{region['pid']}.dept.{agency}"
        acn, aen = AGENCIES[agency]
        emit_header(out, pid, f"{region['cn']}{acn}突发事件应急工作预案 ({region['en']} {aen} Departmental Plan)",
                    "departmental", level, region["path"], agency, vstr(v), d, parent=parent, master=region["master_id"])
        divs = DEPT_DIVISIONS[agency]
        out.append(f"organization:\n  command:\n    name: {region['cn']}{acn}应急工作领导小组 ({aen} Emergency Leading Group)\n"
                   f"    lead: Head of the {aen.lower()}\n    office: {agency}\n  members:\n")
        out.append(f"    - agency: {agency}\n      role: lead\n")
        duties_block(out, [f"{acn}主要负责人统一指挥本部门应急工作 (The head of the bureau commands its emergency work)",
                           "Report to the government and the higher-level department"], 6)
        for slug, cn, ds in divs:
            out.append(f"    - agency: {slug}\n")
            duties_block(out, [f"{cn}：{ds[0]}"] + ds[1:], 6)
        emit_reporting(out, initial, written, rng.choice(["6h", "12h", "24h"]), to, level)
        own_res = [r for k, r in res.items() if k.startswith(("team.", "equipment.", "expert.", "material."))]
        rsel = rng.sample(own_res, 2)
        d0, d1 = divs[0][0], divs[1][0]
        d2 = divs[2][0] if len(divs) > 2 else d0
        d3 = divs[3][0] if len(divs) > 3 else d1
        acts = [
            ("risk-check", "prevention", [d2 if len(divs) > 2 else d0],
             f"排查本行业风险隐患并建立台账 (Check the risks of the sector and keep the register of hidden hazards)", "Every quarter", None, []),
            ("training", "preparedness", [d1],
             f"Train staff of the {aen.lower()} in this plan and check equipment and contact lists", "Every half year", None, [rsel[0]]),
            ("contact-lists", "preparedness", [d0],
             "更新本部门应急联络表和值班表，核对上下级对口部门联系方式 (Update the department's emergency contact list and duty roster and check the numbers of counterpart departments)",
             "Every month", None, []),
            ("duty-and-monitoring", "warning", [d0],
             "Keep the 24-hour duty desk, watch the monitoring data and pass warnings on at once", "Around the clock", "15m", []),
            ("dispatch", "response", [d0, d1],
             f"Send the bureau's teams and experts to the site and report progress every hour", "启动本部门响应后 (When the department's response starts)", "1h", [rsel[1]]),
            ("field-support", "response", [d3],
             "Support the on-site command post with technical advice and liaison officers", "On any Level III response or higher", "2h", []),
            ("review", "recovery", [agency],
             "Review the department's response and update this plan within 60 days", "After the response ends", None, []),
        ]
        out.append("actions:\n")
        for aid, ph, who, how, when, within, rids in acts:
            emit_action(out, aid, ph, who, how, when, within, rids, None)
        emit_tail(out, d)
        return pid, "".join(out)

    # ---- township and community masters
    TOWNSHIP_ORG = [("emergency-office", ["Keep the duty desk and report to the county at once", "Keep the transfer lists of danger zones"]),
                    ("safety-office", ["Watch enterprises in the town and report abnormal events"]),
                    ("water-station", ["Read rain gauges and run the village warning broadcasts"]),
                    ("police-station", ["Keep order and guide traffic"]),
                    ("health-center", ["First aid and transfer of the injured"]),
                    ("militia", ["Transfer residents and guard danger zones"]),
                    ("village-committees", ["Warn every household and report who is missing"])]

    def township_master(t, county, parent, to):
        out = []
        v = t["master_v_pair"]
        d = make_dates(rng, False, v)
        emit_header(out, t["master_id"], f"{t['cn']}突发事件总体应急预案 ({t['en']} Master Emergency Plan)",
                    "master", "township", t["path"], "emergency-office", vstr(v), d, parent=parent)
        out.append(f"scope:\n  hazards: {flow_list(t['hz'])}\n")
        out.append(f"organization:\n  command:\n    name: {t['cn']}突发事件应急指挥部 ({t['en']} Emergency Command)\n"
                   f"    lead: {rng.choice(['Town mayor', 'Township head'])}\n    office: emergency-office\n  members:\n")
        for slug, ds in TOWNSHIP_ORG:
            out.append(f"    - agency: {slug}\n")
            duties_block(out, ds, 6)
        emit_reporting(out, "15m", "1h", rng.choice(["6h", "12h"]), to, "township")
        out.append("response-levels:\n")
        out.append(f"  - level: IV\n    trigger: A blue warning for the town, or an accident with injuries\n    lead: emergency-office\n")
        out.append(f"  - level: III\n    trigger: An orange warning, or residents must leave their homes, or any death\n    lead: [emergency-office, militia]\n")
        p = t["pid"]
        out.append("actions:\n")
        emit_action(out, "update-transfer-lists", "prevention", ["emergency-office", "village-committees"],
                    "逐户更新危险区转移名单，标明老弱病残及帮扶责任人 (Update the transfer list of every household in danger zones, marking the old, sick and disabled and the person who helps each)",
                    "Every May before the flood season", None, [], None)
        emit_action(out, "warning-equipment-test", "preparedness", ["water-station"],
                    "Test rain gauges, village broadcasts, gongs and hand-cranked sirens in every village",
                    "On 1 June and 1 August", None, [f"{p}.warning-gongs"], None)
        emit_action(out, "sound-warning", "warning", ["village-committees"],
                    "Sound the gongs and broadcasts and knock on every door of the danger zone",
                    "接到转移信号或发现险情时 (On a transfer signal or when danger is seen)", "15m", [f"{p}.warning-gongs"], None)
        h0 = t["hz"][0]
        emit_action(out, "transfer-residents", "response", ["militia", "village-committees"],
                    "Lead residents to the school and the town hall along the marked routes and count them against the list",
                    "On an orange warning or on the township leader's order", "1h", [f"{p}.militia-squad", f"{p}.shelters"], [h0])
        emit_action(out, "first-aid", "response", ["health-center", "police-station"],
                    "Give first aid, keep the road to the site clear and guide county rescue teams",
                    "On any incident with injured people", "30m", [], None)
        emit_action(out, "return-home", "recovery", ["emergency-office"],
                    "Let residents return only after the county confirms the danger is over and houses have been checked",
                    "After the warning is lifted", None, [], None)
        out.append("resources:\n")
        out.append(f"  - {{id: {p}.shelters, type: facility, name: 镇中心学校及镇政府避险点 (town school and town hall shelters), quantity: {rng.randint(2, 6)}, unit: sites, holder: emergency-office}}\n")
        out.append(f"  - {{id: {p}.militia-squad, type: team, name: 镇民兵应急排 (town militia platoon), quantity: {rng.randint(20, 60)}, unit: people, holder: militia}}\n")
        out.append(f"  - {{id: {p}.warning-gongs, type: equipment, name: 铜锣和手摇报警器 (gongs and hand-cranked sirens), quantity: {rng.randint(10, 80)}, unit: pieces, holder: water-station}}\n")
        emit_tail(out, d)
        return "".join(out)

    COMMUNITY_ORG = [("community-committee", ["Keep the community duty phone and report to the town at once", "Keep the list of residents who need help"]),
                     ("grid-workers", ["Check their grids every day and pass warnings to every household"]),
                     ("property-management", ["Keep escape routes, fire doors and pumps in order"]),
                     ("volunteers", ["Help old and disabled residents to leave and care for them in shelters"]),
                     ("community-police", ["Keep order and guide residents during evacuation"])]

    def community_master(c, t):
        out = []
        v = version_pair(rng)
        d = make_dates(rng, False, v)
        emit_header(out, c["master_id"], f"{c['cn']}突发事件应急预案 ({c['en']} Master Emergency Plan)",
                    "master", "community", c["path"], "community-committee", vstr(v), d,
                    parent=(t["master_id"], vstr(t["master_v_pair"])))
        out.append(f"scope:\n  hazards: {flow_list(c['hz'])}\n")
        out.append(f"organization:\n  command:\n    name: {c['cn']}应急工作小组 ({c['en']} Emergency Working Group)\n"
                   f"    lead: Community party secretary\n    office: community-committee\n  members:\n")
        for slug, ds in COMMUNITY_ORG:
            out.append(f"    - agency: {slug}\n")
            duties_block(out, ds, 6)
        emit_reporting(out, "10m", "1h", "4h", f"{t['path']}:emergency-office", "community")
        out.append("response-levels:\n")
        out.append("  - level: IV\n    trigger: An incident in one building, or a warning for the town\n    lead: community-committee\n")
        out.append("  - level: III\n    trigger: Residents of several buildings must leave, or anyone is injured\n    lead: [community-committee, community-police]\n")
        p = c["pid"]
        out.append("actions:\n")
        emit_action(out, "resident-register", "prevention", ["community-committee", "grid-workers"],
                    "更新独居老人、残疾人等重点人员名单并落实帮扶人 (Update the list of residents living alone or disabled and name a helper for each)",
                    "Every quarter", None, [], None)
        emit_action(out, "escape-route-checks", "preparedness", ["property-management"],
                    "Check escape routes, fire doors, extinguishers and the drainage pumps of basements",
                    "Every month", None, [f"{p}.extinguishers"], None)
        emit_action(out, "pass-warnings", "warning", ["grid-workers"],
                    "Pass warnings to every household through the building chat groups and door-to-door visits",
                    "On any warning from the town", "30m", [f"{p}.loudspeakers"], None)
        emit_action(out, "evacuate-residents", "response", ["volunteers", "community-police"],
                    "Lead residents to the assembly point, help those on the list and count everyone",
                    "当街道或社区下达撤离指令时 (On the order of the town or the community)", "30m", [f"{p}.loudspeakers"], [c["hz"][0]])
        emit_action(out, "report-to-town", "response", ["community-committee"],
                    "Report the incident, the number of people affected and what help is needed to the town duty desk",
                    "On any incident", "10m", [], None)
        emit_action(out, "after-care", "recovery", ["community-committee", "volunteers"],
                    "Visit affected households, list their needs and pass them to the town",
                    "After residents return", None, [], None)
        out.append("resources:\n")
        out.append(f"  - {{id: {p}.extinguishers, type: equipment, name: 楼道灭火器 (extinguishers in stairwells), quantity: {rng.randint(30, 300)}, unit: units, holder: property-management}}\n")
        out.append(f"  - {{id: {p}.loudspeakers, type: equipment, name: 手持扩音器 (hand-held loudspeakers), quantity: {rng.randint(4, 20)}, unit: pieces, holder: grid-workers}}\n")
        emit_tail(out, d)
        return "".join(out)

    # ---- unit plans
    def unit_plan(utype, region, level, parent, to, used_names):
        U = UNIT_TYPES[utype]
        out = []
        while True:
            ncn, npy, nen = make_name(rng)
            slug = f"{npy}-{utype}"
            if slug not in used_names:
                break
            slug = f"{npy}-{utype}-{rng.randint(2, 99)}"
            if slug not in used_names:
                break
        used_names.add(slug)
        if utype == "coal-mine":
            cn = f"{ncn}煤业有限公司{ncn}煤矿"
        elif utype == "quarry":
            cn = f"{ncn}矿业有限公司{ncn}铁矿"
        elif utype == "chemical-plant":
            cn = f"{ncn}化工有限公司"
        elif utype == "school":
            cn = f"{region['cn']}{ncn}中学"
        else:
            cn = f"{region['cn']}{ncn}医院"
        en = U["en"].replace("{N}", nen)
        title = f"{cn}{'生产安全事故' if U['group'] else '突发事件'}应急预案 ({en} Emergency Plan)"
        v = version_pair(rng)
        d = make_dates(rng, True, v)
        pid = f"{region['pid']}.unit.{slug}"
        owner = slug
        emit_header(out, pid, title, "unit", level, region["path"], owner, vstr(v), d, parent=parent)
        hz = U["hz"] + rng.sample(U["extra"], rng.randint(1, 2))
        out.append(f"scope:\n  hazards: {flow_list(hz)}\n")
        divs = [(f"{npy}-{s}", ds) for s, ds in U["divisions"]]
        out.append(f"organization:\n  command:\n    name: {cn}应急救援指挥部 ({en} Emergency Command)\n"
                   f"    lead: {U['lead']}\n    office: {divs[0][0]}\n  members:\n")
        out.append(f"    - agency: {owner}\n      role: lead\n")
        duties_block(out, ["提供应急所需的人员、资金和装备 (Provide people, funds and equipment for the response)",
                           "Report to the authorities and call outside rescue forces"], 6)
        for s, ds in divs:
            out.append(f"    - agency: {s}\n")
            duties_block(out, ds, 6)
        emit_reporting(out, "10m", "1h", rng.choice(["2h", "4h", "12h"]), to, level)
        rp = f"{region['pid']}.{slug}"
        res = UNIT_RES[utype]
        out.append("actions:\n")
        for aid, ph, who, how, when, within, rk, ahz in UNIT_ACTIONS[utype]:
            who = owner if who == "OWNER" else f"{npy}-{who}"
            if ahz:
                ahz = [h for h in ahz if h in hz]
            emit_action(out, aid, ph, [who], how, when, within, [f"{rp}.{rk}"] if rk else [], ahz)
        out.append("resources:\n")
        for k, (typ, label, lo, hi, unit, div) in res.items():
            out.append(f"  - {{id: {rp}.{k}, type: {typ}, name: {label}, quantity: {rng.randint(lo, hi)}, unit: {unit}, holder: {npy}-{div}}}\n")
        emit_tail(out, d)
        return pid, slug, "".join(out)

    # ================= build the city
    D = defects if ci == 0 else None
    ext_versions = {g: GROUPS[g]["ext"] for g in sk.groups}
    city["special_v"] = {g: version_pair(rng) for g in sk.groups}
    city["master_v_pair"] = city_master_v
    files[f"{cid}/master.yaml"] = gov_master(city, (f"{PROVINCE}.master", "2024"), city_members, sk.leads, city_hz,
                                              "municipal", CITY_INITIAL, CITY_WRITTEN, f"{PROVINCE}:emergency-management",
                                              GOV_C, MIL_C, city["res"])
    for gi, g in enumerate(sk.groups):
        parent = (f"{PROVINCE}.{g}", GROUPS[g]["ext"]) if GROUPS[g]["ext"] else (f"{PROVINCE}.master", "2024")
        bad = None
        if D and gi == 0:
            bad = "fire-rescu"  # defect: agency-unknown (typo of fire-rescue)
            expected.append(("agency-unknown", f"{cid}/{g}.yaml"))
        pid, text = special(city, g, parent, [], "municipal", CITY_INITIAL, CITY_WRITTEN, f"{PROVINCE}:emergency-management",
                            GOV_C, MIL_C, city["res"], bad_who=bad)
        files[f"{cid}/{g}.yaml"] = text
    city_dept_v = {}
    for a in sk.leads:
        pid, text = departmental(city, a, "municipal", None, CITY_INITIAL, CITY_WRITTEN, f"{PROVINCE}:{a}", city["res"])
        files[f"{cid}/dept/{a}.yaml"] = text
        city_dept_v[a] = text.split('version: "', 1)[1].split('"', 1)[0]

    region_out = [f"  - id: {cid}\n    name: {city['cn']} {city['en']}\n    level: municipal\n    hazards: {flow_list(city_hz)}\n    children:\n"]

    # optional slots of this city: distribute over townships
    all_townships = []
    counties = []
    for k, csk in enumerate(sk.counties):
        kid = f"c{k + 1:02d}"
        kcn, kpy, ken = make_name(rng)
        county = dict(path=f"{cid}/{kid}", pid=f"{cid}.{kid}", cn=kcn + "县", en=ken + " County", groups=csk.groups)
        county["master_id"] = f"{county['pid']}.master"
        county["master_v_pair"] = version_pair(rng)
        county["master_v"] = vstr(county["master_v_pair"])
        county["special_v"] = {g: version_pair(rng) for g in csk.groups}
        county["hz"] = [h for g in csk.groups for h in GROUPS[g]["hz"]]
        county["leads"] = csk.leads
        county["townships"] = []
        for j in range(csk.townships):
            tcn, tpy, ten = make_name(rng)
            town = rng.random() < 0.5
            t = dict(path=f"{county['path']}/t{j + 1:02d}", pid=f"{county['pid']}.t{j + 1:02d}",
                     cn=tcn + ("镇" if town else "乡"), en=ten + (" Town" if town else " Township"))
            t["master_id"] = f"{t['pid']}.master"
            t["master_v_pair"] = version_pair(rng)
            t["hz"] = rng.sample(county["hz"], min(len(county["hz"]), rng.randint(2, 4)))
            t["hz"] = [h for h in county["hz"] if h in t["hz"]]
            t["communities"] = []
            t["units"] = []
            t["county"] = county
            county["townships"].append(t)
            all_townships.append(t)
        county["units"] = []
        counties.append(county)

    # distribute optional plans: community masters, county units, township units
    for _ in range(optional):
        t = all_townships[rng.randrange(len(all_townships))]
        r = rng.random()
        if r < 0.3:
            t["communities"].append(None)
        elif r < 0.6:
            t["county"]["units"].append(None)
        else:
            t["units"].append(None)

    for k, county in enumerate(counties):
        kpath = county["path"]
        res = inventory(kpath, county["pid"], county["groups"], "peoples-armed-dept", rng)
        members = list(COUNTY_STANDARD)
        for g in county["groups"]:
            for a in [GROUPS[g]["owner"]] + GROUPS[g]["sup"]:
                a = {"MIL": "peoples-armed-dept", "GOV": "township-governments"}.get(a, a)
                if a not in members:
                    members.insert(len(members) - 1, a)
        parent_v = city["master_v"]
        mutate = None
        if D and k == 1:
            # defect: parent-stale (docked with an older version of the city master)
            mj, mn = city["master_v_pair"]
            parent_v = f"{mj - 1}.{mn}" if mj > 1 else f"{mj}.{mn - 1}" if mn > 0 else "0.9"
            expected.append(("parent-stale", f"{kpath}/master.yaml"))
        if D and k == 0:
            mutate = "no-when"  # defect: action-incomplete
            expected.append(("action-incomplete", f"{kpath}/master.yaml"))
        files[f"{kpath}/master.yaml"] = gov_master(county, (city["master_id"], parent_v), members, county["leads"], county["hz"],
                                                   "county", COUNTY_INITIAL, COUNTY_WRITTEN, f"{cid}:emergency-management",
                                                   "township-governments", "peoples-armed-dept", res, mutate=mutate)
        overlap = None
        if D and k == 0:
            # defect: hazard-overlap: the special whose file sorts last also claims a hazard of the first
            names = sorted(county["groups"], key=lambda g: f"{kpath}/{g}.yaml")
            overlap = (names[-1], GROUPS[names[0]]["hz"][0])
            expected.append(("hazard-overlap", f"{kpath}/{names[-1]}.yaml"))
        for g in county["groups"]:
            extra = [overlap[1]] if overlap and overlap[0] == g else []
            parent = (f"{cid}.{g}", vstr(city["special_v"][g]))
            pid, text = special(county, g, parent, extra, "county", COUNTY_INITIAL, COUNTY_WRITTEN, f"{cid}:emergency-management",
                                "township-governments", "peoples-armed-dept", res)
            files[f"{kpath}/{g}.yaml"] = text
        for a in county["leads"]:
            parent = (f"{cid}.dept.{a}", city_dept_v[a]) if a in city_dept_v else None
            pid, text = departmental(county, a, "county", parent, COUNTY_INITIAL, COUNTY_WRITTEN, f"{cid}:{a}", res)
            files[f"{kpath}/dept/{a}.yaml"] = text
        # county-level units
        used = set()
        for _ in county["units"]:
            choices = ["school", "hospital"] + [u for u in ("coal-mine", "quarry", "chemical-plant")
                                                if UNIT_TYPES[u]["group"] in county["groups"]] * 2
            utype = rng.choice(choices)
            grp = UNIT_TYPES[utype]["group"] or ("epidemic" if utype == "hospital" and "epidemic" in county["groups"] else None)
            if grp:
                parent = (f"{county['pid']}.{grp}", vstr(county["special_v"][grp]))
            else:
                parent = (county["master_id"], county["master_v"])
            to = {"school": "education", "hospital": "health"}.get(utype, "emergency-management")
            pid, slug, text = unit_plan(utype, county, "county", parent, to, used)
            files[f"{kpath}/unit/{slug}.yaml"] = text
        # townships
        region_out.append(f"      - id: c{k + 1:02d}\n        name: {county['cn']} {county['en']}\n        level: county\n"
                          f"        hazards: {flow_list(county['hz'])}\n        children:\n")
        for j, t in enumerate(county["townships"]):
            parent = (county["master_id"], county["master_v"])
            if D and k == 0 and j == 0:
                parent = (county["master_id"][:-2] + "r", county["master_v"])  # defect: parent-unresolved ("mastr")
                expected.append(("parent-unresolved", f"{t['path']}/master.yaml"))
            files[f"{t['path']}/master.yaml"] = township_master(t, county, parent, f"{kpath}:emergency-management")
            tid = t["path"].rsplit("/", 1)[1]
            if not t["communities"]:
                region_out.append(f"          - {{id: {tid}, name: {t['cn']} {t['en']}, level: township, hazards: {flow_list(t['hz'])}}}\n")
            else:
                region_out.append(f"          - id: {tid}\n            name: {t['cn']} {t['en']}\n            level: township\n"
                                  f"            hazards: {flow_list(t['hz'])}\n            children:\n")
                for m in range(len(t["communities"])):
                    scn, spy, sen = make_name(rng)
                    c = dict(path=f"{t['path']}/s{m + 1:02d}", pid=f"{t['pid']}.s{m + 1:02d}",
                             cn=scn + "社区", en=sen + " Community")
                    c["master_id"] = f"{c['pid']}.master"
                    hz = rng.sample(t["hz"], rng.randint(1, min(2, len(t["hz"]))))
                    c["hz"] = [h for h in t["hz"] if h in hz]
                    files[f"{c['path']}/master.yaml"] = community_master(c, t)
                    region_out.append(f"              - {{id: s{m + 1:02d}, name: {c['cn']} {c['en']}, level: community, hazards: {flow_list(c['hz'])}}}\n")
            used = set()
            for _ in t["units"]:
                choices = ["school", "hospital"] + [u for u in ("coal-mine", "quarry", "chemical-plant")
                                                    if UNIT_TYPES[u]["group"] in county["groups"]]
                utype = rng.choice(choices)
                to = f"{t['path']}:emergency-office" if rng.random() < 0.5 else f"{kpath}:emergency-management"
                pid, slug, text = unit_plan(utype, t, "township", (t["master_id"], vstr(t["master_v_pair"])), to, used)
                files[f"{t['path']}/unit/{slug}.yaml"] = text

    files.update(inventory_files)
    plans = 0
    sizes = []
    made = set()
    for rel, text in files.items():
        path = os.path.join(out_dir, rel)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        if not rel.startswith("inventory/"):
            plans += 1
            sizes.append(len(data))
    return ci, "".join(region_out), plans, expected, sum(sizes), min(sizes), max(sizes)


# ---------------------------------------------------------------------------------------------

def check_templates():
    """Cheap consistency checks of the tables above, so that edits cannot silently break validity."""
    for g, G in GROUPS.items():
        org = {G["owner"], "emergency-management"} | set(G["sup"])
        keys = {f"{t}.{n}" for t, n, *_ in G["res"]} | {
            (f"{t}.{n}" if t not in ("facility", "fund") else n) for t, n, *_ in GENERAL_RES}
        used = set()
        for aid, ph, who, how, when, within, rk, ahz in G["acts"]:
            assert set(who) <= org, (g, aid, who)
            assert set(rk) <= keys, (g, aid, rk)
            assert not ahz or set(ahz) <= set(G["hz"]), (g, aid)
            used.update(rk)
        assert {f"{t}.{n}" for t, n, *_ in G["res"]} <= used, (g, "inventory resource never used")
        assert {a[1] for a in G["acts"]} & {"prevention", "preparedness", "warning"} and \
            {a[1] for a in G["acts"]} >= {"response", "recovery"}, g
        for a in [G["owner"]] + G["sup"]:
            assert a in ("MIL", "GOV") or a in AGENCIES, a
        assert G["owner"] in DEPT_DIVISIONS, G["owner"]
    for u, acts in UNIT_ACTIONS.items():
        divs = {d for d, _ in UNIT_TYPES[u]["divisions"]} | {"OWNER"}
        for aid, ph, who, *_rest in acts:
            assert who in divs, (u, aid)
        assert {a[6] for a in acts if a[6]} == set(UNIT_RES[u]), u
        assert {r[5] for r in UNIT_RES[u].values()} <= divs, u


def config_text():
    out = ["# Repository settings of the synthetic benchmark plan system (generated).\n",
           "# The province (sx) keeps its own plans; they are listed as external entries.\n",
           "eplan: config/v1\ndepth: township\nexternal:\n",
           f'  - id: {PROVINCE}.master\n    kind: master\n    level: provincial\n    region: {PROVINCE}\n    version: "2024"\n']
    for g in GROUP_ORDER:
        G = GROUPS[g]
        if not G["ext"]:
            continue
        out.append(f'  - id: {PROVINCE}.{g}\n    kind: special\n    level: provincial\n    version: "{G["ext"]}"\n'
                   f"    hazards: {flow_list(G['hz'])}\n    severities: [I, II]\n"
                   "    reporting:\n      initial: {I: 1h, II: 2h}\n      written: {I: 4h, II: 8h}\n")
    return "".join(out)


def stamp(seed, n):
    """Identifies the output: generator version, a hash of this file, seed and size."""
    import hashlib
    with open(__file__, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    return f"generator {GENERATOR_VERSION} source {digest} seed {seed} plans {n}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir", nargs="?")
    ap.add_argument("--plans", type=int, required=True, help="number of plan files to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (output does not depend on it)")
    ap.add_argument("--stamp", action="store_true",
                    help="print the stamp that a repository generated with these options holds, and exit")
    args = ap.parse_args()
    n = args.plans
    if args.stamp:
        print(stamp(args.seed, n))
        return
    if not args.out_dir:
        ap.error("OUT_DIR is required")
    if n < 40:
        ap.error("--plans must be at least 40")
    started = time.time()
    check_templates()
    out_dir = args.out_dir
    if os.path.exists(out_dir) and os.listdir(out_dir):
        ap.error(f"{out_dir} exists and is not empty")
    os.makedirs(out_dir, exist_ok=True)

    # size the repository: cities until their skeletons take CORE_SHARE of the plans
    sks = []
    core = 0
    while True:
        ci = len(sks)
        sk = skeleton(args.seed, ci)
        minimal = False
        if core + sk.core > n * CORE_SHARE and sks:
            break
        if core + sk.core > n * CORE_SHARE:
            sk = skeleton(args.seed, ci, minimal=True)
            minimal = True
        sks.append((sk, minimal))
        core += sk.core
    optional = n - core
    rng = random.Random(f"{args.seed}/slots")
    weights = [sum(c.townships for c in sk.counties) for sk, _ in sks]
    counts = [0] * len(sks)
    for i in rng.choices(range(len(sks)), weights=weights, k=optional):
        counts[i] += 1

    tasks = [(args.seed, ci, minimal, counts[ci], out_dir, ci == 0) for ci, (sk, minimal) in enumerate(sks)]
    results = []
    if args.jobs > 1 and len(tasks) > 1:
        import multiprocessing
        with multiprocessing.Pool(args.jobs) as pool:
            results = list(pool.imap(gen_city, tasks, chunksize=max(1, len(tasks) // (args.jobs * 8))))
    else:
        results = [gen_city(t) for t in tasks]

    total = sum(r[2] for r in results)
    assert total == n, (total, n)
    with open(os.path.join(out_dir, "eplan.yaml"), "w", encoding="utf-8") as f:
        f.write(config_text())
    regions = ("# Administrative regions and their risk profiles (synthetic, generated).\n"
               "eplan: regions/v1\nregions:\n"
               # The province, so that references to its agencies (sx:emergency-management) name a known region.
               f"  - {{id: {PROVINCE}, level: provincial}}\n"
               + "".join(r[1] for r in results)).encode("utf-8")
    if len(regions) > MAX_REGIONS_BYTES:
        sys.exit(f"generate.py: regions.yaml would be {len(regions)} bytes, over the 8 MiB limit")
    with open(os.path.join(out_dir, "regions.yaml"), "wb") as f:
        f.write(regions)
    expected = [e for r in results for e in r[3]]
    with open(os.path.join(out_dir, "expected-findings.txt"), "w", encoding="utf-8") as f:
        for rule, path in sorted(expected, key=lambda e: (e[1], e[0])):
            f.write(f"{rule} {path}\n")
    with open(os.path.join(out_dir, "generator-stamp.txt"), "w", encoding="utf-8") as f:
        f.write(stamp(args.seed, n) + "\n")
    size = sum(r[4] for r in results)
    print(f"generate.py: {n} plans in {len(results)} cities, {size / 1e6:.1f} MB of plans "
          f"(plan files {min(r[5] for r in results)}..{max(r[6] for r in results)} bytes), "
          f"regions.yaml {len(regions) / 1e6:.2f} MB, {len(expected)} deliberate defects, "
          f"{time.time() - started:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
