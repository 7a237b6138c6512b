"""Named patterns for enterprises, their brands and the brands of published lists.

Each constant carries an example; ``tests/unit/test_enterprises.py`` tests each family on
snippets written for the test.
"""

from __future__ import annotations

import re

#: A count of firms or houses: ``32家``, ``十余家``, ``多家``.  Shared with the brand lists
#: (:data:`ingest.patterns_brands.COUNTED_HOUSES`).
FIRM_COUNT = r"(?:\d+|[一二三四五六七八九十百千多几数]+)余?家"

_HAN = r"\u4e00-\u9fff"
#: Characters a firm's name is made of (a bracket may hold part of it: ``(集团)``).
_NAME_CHAR = rf"[{_HAN}A-Za-z0-9()（）·]"

#: How a firm's name ends.  Examples: ``股份有限公司``, ``有限责任公司``, ``集团``,
#: ``专业合作社``, ``国家开发银行云南省分行`` (a bank's branch); a suffix inside brackets
#: (``贵州酒中酒(集团)有限责任公司``) does not end the name.
FIRM_SUFFIX = (
    rf"(?:(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)|集团|(?:专业|股份经济)?合作社"
    rf"|联合社|银行[{_HAN}]{{0,8}}?(?:分行|支行))(?![有股]|[)）][{_HAN}]{{0,3}}?(?:有限|股份|公司))"
)
#: How a shop's or workshop's name ends (a named shop is an enterprise).  Examples:
#: ``乐器行``, ``老铺``, ``酱鸭店``, ``酒家``, ``食品厂``, ``药店``, ``牛肉馆``.
SHOP_SUFFIX = r"(?:店|行|铺|厂|馆|坊|酒家|酒楼|饭庄|商号|茶庄|药房|药店|作坊|分公司|分店)"
#: How the name of a market body without a firm suffix ends, when a list of firms names it
#: among them.  Examples: ``某某精细化工厂``, ``某某产权交易所`` in ``授予甲有限公司、某某产权
#: 交易所、某某精细化工厂等单位…``; not a museum (``某某博物馆``), a public body.
SIBLING_NAME = re.compile(
    rf"^{_NAME_CHAR}{{2,30}}?(?:厂|店|行|铺|酒家|酒楼|饭庄|茶庄|药房|交易所)$")
#: A cell of a list's enterprise column that names a firm or a shop.
#: Examples: ``常州亚邦大药房有限公司金坛许广生药店``, ``福州台江老天华乐器行``.
LISTED_NAME = re.compile(rf"{_NAME_CHAR}{{3,50}}?(?:{FIRM_SUFFIX}|{SHOP_SUFFIX})[{_HAN}]{{0,20}}")
#: A cell of a list's enterprise column that names a house by its trade name and no firm
#: suffix: the column says it is an enterprise.  Examples: ``西宁某某食府``, ``某某餐饮美食城``;
#: not a cut or numbered cell (``某某2``), not a bare word (``餐饮``).
LISTED_HOUSE = re.compile(rf"[{_HAN}]{{5,20}}")
#: A word without which a line names no firm (a cheap test before the name grammar).
FIRM_WORD = re.compile(r"公司|集团|合作社|联合社|银行")
#: A firm's or shop's name opening a list line (the brand cell follows).  Example:
#: ``甘肃某某酒业有限公司`` in ``甘肃某某酒业有限公司金徽酒``.
LISTED_NAME_AT_START = re.compile(
    rf"^{_NAME_CHAR}{{3,40}}?(?:{FIRM_SUFFIX}|小吃部|饭店|酒家|酒楼|药店|药房|食品厂)")
#: A firm's name on its own.  Example: ``武汉某某商贸有限公司``.
FIRM_NAME = re.compile(rf"{_NAME_CHAR}{{2,40}}?{FIRM_SUFFIX}")
#: A firm's name in running text: name characters up to the first firm suffix.
#: Example: ``湖北加恒实业有限公司`` in ``授予湖北加恒实业有限公司、…``.
#: A branch written after its firm's name, part of one name.  Example: ``长庆石化分公司`` in
#: ``中国石油天然气股份有限公司长庆石化分公司``.
BRANCH_TAIL = rf"(?:[{_HAN}]{{2,10}}?(?:分公司|分厂|分店|支行|营业部))?"
FIRM_IN_TEXT = re.compile(
    rf"(?P<name>(?<![{_HAN}A-Za-z0-9)）]){_NAME_CHAR}{{2,40}}?{FIRM_SUFFIX}{BRANCH_TAIL}|"
    rf"(?<=[{_HAN}]){_NAME_CHAR}{{2,40}}?{FIRM_SUFFIX}{BRANCH_TAIL})")
#: Words that may stand glued before a name and are not part of it.  Examples: ``授予``,
#: ``决定授予``, ``其中``, ``入选``, ``评选`` (``会议决定,评选甲汽车股份有限公司为…``).
LEFT_STOPS = re.compile(
    r"授予|包括|入选|推荐|引进|支持|鼓励|组织|推动|决定|获得|荣获|其中|以及|还有|例如|比如|名单|"
    r"榜上有名|分别是|依次为|牵头|配合|负责|会同|引导|扶持|帮助|指导|督促|要求|依托|发挥|通过|携手"
    r"|确定了?|认定了?|归属|旗下|属于|分别为|共有|现有|其中有|评选|评定|表彰|命名")
#: What stands before a firm suffix in a phrase about firms, not in a firm's name: a list's
#: 等, a count, a completed verb, a preposition or list word right before the suffix.
#: Examples: ``某某等公司``, ``32家公司``, ``公布了…公司``, ``经公司申报``, ``包括公司名牌``,
#: ``在…公司名单中``.
COUNTED_OR_LISTED = re.compile(
    rf"等$|{FIRM_COUNT}$|了|^在|[经在对向从]$")
#: A conjunction or completed verb inside a match, after which a firm's own name opens with
#: its place.  Example: ``和`` in ``“某某”牌挂面和宁夏某某食品有限公司``, ``了`` in
#: ``并确认了安徽某某铝业有限公司``.
JOINED_BEFORE_NAME = re.compile(r"[和与及了]")
#: Words that say what kind of firm, not which one; a name made only of them (and of a
#: quantifier) is a category.  Examples: ``外贸公司``, ``上市公司``, ``专业咨询公司``,
#: ``各类企业集团``, ``第三方检测机构公司``.
GENERIC_FIRM_WORDS = (
    "各类", "各", "有关", "相关", "其他", "一批", "多家", "本", "该", "区属", "市属", "省属", "县属",
    "全市", "全省", "全区", "外贸", "上市", "国有", "民营", "平台", "子", "分", "总", "保险", "电商",
    "物流", "贸易", "投资", "担保", "融资", "小额贷款", "科技", "外资", "合资", "控股", "中小", "龙头",
    "骨干", "大型", "小型", "专业", "咨询", "服务", "运营", "管理", "工程", "建设", "设计", "检测",
    "认证", "评估", "中介", "第三方", "金融", "技术", "信息", "网络", "农民", "股份经济", "企业",
    "优质", "知名", "重点", "新", "老", "农业", "文化", "旅游", "商贸", "实业", "跨国", "外国",
    "境外", "央企", "国企")
GENERIC_FIRM = re.compile(
    "(?:" + "|".join(sorted(GENERIC_FIRM_WORDS, key=len, reverse=True)) + ")*"
    r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司|集团|合作社|联合社)")
#: Bodies that are not market bodies although a list names them.  Examples:
#: ``某镇人民政府``, ``某某产业协会``, ``人行郑州中心支行`` (the central bank).
NOT_FIRM = re.compile(r"政府|协会|学会|联合会|委员会|管委会|人行|人民银行|研究会|促进会|商会")
#: A brand right after a firm's name: ``“梨花”牌小麦粉``, ``思远庄园牌标准化系列蔬菜``, a mark
#: in brackets (``(字号/商标为“口泉”)``, ``(商标:“某某”)``), a 牌 inside the quoted product
#: (``“长城牌干红、干白葡萄酒”``); a possessive ``的`` is no part of the mark (``某某公司的龙珠牌绿茶``).
BRAND_AFTER_NAME = re.compile(
    rf"[(（](?:字号|商标|品牌)(?:[/、](?:字号|商标|品牌))?(?:为|是|[:：])?“(?P<marked>[^“”]{{1,12}})”[)）]"
    rf"|“(?P<inner>[{_HAN}]{{1,8}}?)牌[^“”]{{1,20}}”"
    rf"|的“(?P<owned>[^“”]{{1,12}})”"
    rf"|(?:申报的|推荐的|选送的|的)?(?:“(?P<quoted>[^“”]{{1,12}})”|(?P<bare>[{_HAN}()（）]{{2,8}}?))牌"
    rf"(?![子照匾坊楼])"
    rf"|(?:申报的|推荐的|选送的)(?P<plain>[{_HAN}()（）]{{2,10}}?)(?=[、,，;；。]|榜上有名|入选|上榜|$)")
#: A quoted name right after a firm's name.  Example: ``“三秋”`` in ``某某酒业有限公司“三秋”``.
QUOTED_AFTER_NAME = re.compile(r"“(?P<mark>[^“”、,，。]{1,8})”")
#: A quoted name closing a list item.  Example: ``“金裕皖”`` in ``某某酒业有限公司“金裕皖”``.
QUOTED_AT_END = re.compile(r"“[^“”]{1,12}”$")
#: A product named after a quoted name that follows a firm in a ``、`` list: the quoted name
#: is then the firm's mark, not its product.  Example: ``枣产品`` in ``某某枣业股份有限公司
#: “某某”枣产品、…``.
PRODUCT_AFTER_MARK = re.compile(rf"[{_HAN}]{{1,10}}(?=[、,，;；。]|$)")
#: A quoted name that is a plan period or a number, never a mark.  Example: ``“十四五”``.
NOT_A_MARK = re.compile(r"^十[一二三四五六七八九]五$|\d")
#: Words that make a quoted name after a firm its mark: a 老字号 list names houses by their
#: marks (``首批有9家企业入选,包括甲酒业股份有限公司“三秋”``), where a product list quotes
#: products (``甲牧业股份有限公司“冷冻分割鸡产品”``).
MARK_LIST_CUE = re.compile(r"老字号")
#: The header of a list without a 序号 column: an enterprise column and a brand column.
#: Example: ``申报单位名称品牌名称``.
NAME_LIST_HEADER = re.compile(
    r"^(?:申报)?(?:企业|单位)名称\s*(?:代表性)?(?:注册)?(?:品牌|商标|字号)(?:名称)?$")
#: A published list's entry: number, holder, colon, then brand and product class.
#: Example: ``119 如皋市某某水稻种植专业合作社:芾寿道 稻米``.
LIST_ENTRY = re.compile(r"^\s*\d{1,4}\s+(?P<holder>[^:：\s]{2,40})[:：]\s*(?P<rest>\S.*)$")
#: A place on a line of its own above list entries.  Example: ``南通市``.
PLACE_HEADING = re.compile(
    rf"(?m)^(?P<place>[{_HAN}]{{2,6}}?(?:市|县|区|州|盟))\n(?=\d|[一二三四五六七八九十]+[、.．])")
#: A sentence that places the enterprises it lists.  Examples: ``仁怀11家企业榜上有名``,
#: ``淄博市入选…的有``.
PLACED_LIST = re.compile(
    rf"(?P<place>[{_HAN}]{{2,5}}?(?:市|县|区)?)(?:共有|有)?(?:\d+|[一二三四五六七八九十]+|多)[家个]"
    r"(?:企业|单位|品牌)?(?:榜上有名|入选|上榜)"
    rf"|(?<![{_HAN}])(?P<place2>[{_HAN}]{{2,4}}?[市县区])入选[^。]{{0,40}}?的有[:：]")
#: Words without which no sentence places a list (a cheap test before :data:`PLACED_LIST`).
PLACED_CUE = re.compile(r"榜上有名|入选|上榜")
#: A list of enterprises introduced as such.  Example: ``企业餐饮类有:甲牛肉馆,乙鸡爪爪;``.
LISTED_ENTERPRISES = re.compile(
    rf"(?:企业|单位)[{_HAN}]{{0,8}}?(?:有|为|包括)[:：](?P<items>[^;；。\n]+)")
#: A ``、`` list closed as enterprises: ``等`` (maybe a count) and a word for firms.  Its
#: items that end like a shop, a works or a firm are enterprises.  Example:
#: ``甲记牛肉馆、乙家豆腐坊、丙酱油厂等12家企业``.
CLOSED_FIRM_LIST = re.compile(
    rf"(?P<items>[^,，;；:：。\n]{{2,40}}(?:、[^,，;；:：。\n、]{{2,40}})+)等\s*(?:{FIRM_COUNT})?"
    r"(?:企业|商户|商家|店铺|经营主体|市场主体)")
#: Where :data:`CLOSED_FIRM_LIST` may stand.  Example: ``等12家企业``.
CLOSED_FIRM_CUE = re.compile(
    rf"、[^、。\n]{{2,40}}等\s*(?:{FIRM_COUNT})?(?:企业|商户|商家|店铺|经营主体|市场主体)")
#: An item of such a list, or a line under a list heading, that names a shop, works or firm.
#: Examples: ``某某牛肉馆``, ``某某食品厂``, ``某某专业合作社``, ``李氏茶庄``; not ``某某博物馆``
#: (a public body) nor a bare class (``食品厂``, ``面包店``: a name this short needs 记/氏/家/号).
SHOP_OR_FIRM = re.compile(
    rf"^(?!.*(?:博物|图书|纪念|文化|体育|展览|科技|美术|档案|宾)馆)(?=.{{5}}|.{{0,2}}[记氏家号])"
    rf"{_NAME_CHAR}{{2,30}}?(?:{FIRM_SUFFIX}|(?:店|铺|厂|馆|坊|酒家|酒楼|饭庄|茶庄|药房|作坊|商行))$")
#: A line heading a list of enterprises, one per line below.  Examples: ``获奖企业名单``,
#: ``入选企业:``, ``第二批示范企业名单如下:``.
FIRM_LIST_HEADING = re.compile(
    rf"^[{_HAN}\d“”]{{0,20}}?(?:企业|单位|商户|店铺)(?:名单|名录)?(?:如下)?[:：]?$")
#: A line ending like :data:`FIRM_LIST_HEADING` (a cheap test of the text first).
FIRM_LIST_HEADING_CUE = re.compile(r"(?:企业|单位|商户|店铺)(?:名单|名录)?(?:如下)?[:：]?\s*\n")
#: A list line's number before the name.  Examples: ``1.``, ``2、``, ``(3)``, ``4 ``.
LINE_NUMBER = re.compile(r"^\s*(?:[(（]?\d{1,3}[)）.．、]?|[一二三四五六七八九十]{1,3}、)\s*")
#: A named example before a count of firms.  Example: ``引进机数科技等8家独立法人研发机构``.
EXAMPLE_BEFORE_COUNT = re.compile(
    rf"(?:引进|招引|吸引|培育|落地)(?P<names>[{_HAN}、]{{2,20}}?)等\s*\d+\s*家"
    r"(?=[\u4e00-\u9fff]{0,8}?(?:机构|企业|公司))")
#: Brands listed before a count of brands.  Example: ``启东绿皮蚕豆、海门万年香沙芋艿等18个农产品品牌``.
BRANDS_BEFORE_COUNT = re.compile(
    rf"(?<=[,，。:：\n、])(?P<items>[{_HAN}、]{{4,80}}?)等\s*\d+\s*个[{_HAN}]{{0,8}}?品牌")
#: Words that lead a listed brand but are not part of it.  Example: ``其中`` in ``其中甲、乙等…``.
BRAND_LEAD = re.compile(r"^(?:其中|包括|如|有|认定|公布|确定|评选出|评出|遴选出|入选)")
#: A brand named as selected into a list.  Example: ``推荐的博山猕猴桃入选区域公用品牌``.
BRAND_SELECTED = re.compile(rf"的(?P<name>[{_HAN}]{{3,10}}?)入选[{_HAN}]{{0,8}}?品牌")
#: A catalogue of brands, itself a programme: quoted, or dated after the verb that enters
#: brands into it.  Examples: ``“江苏农产品品牌目录”``, ``入选2022年四川省农业品牌目录``.
QUOTED_CATALOGUE = re.compile(
    r"“(?P<name>[^“”]{2,20}品牌(?:目录|名录))”"
    r"|(?:入选|列入|纳入)(?P<dated>\d{4}年度?[\u4e00-\u9fff]{2,14}?品牌(?:目录|名录))")
#: A brand an association or other body applied with.  Example:
#: ``巴中市某某产业协会申报的巴食巴适``.
APPLIED_BRAND = re.compile(
    r"(?:协会|联合会|商会|中心|政府|站|合作社)(?:申报的|推荐的|选送的)"
    r"(?P<brand>[\u4e00-\u9fff()（）]{2,10}?)(?=[、,，;；。]|榜上有名|入选|上榜|$)")
#: A line of site credits, whose firms run the web page, not the policy.  Examples:
#: ``版权所有:某某网络科技有限公司``, ``技术支持:…``, ``主办单位:…``.
SITE_CREDIT = re.compile(r"版权所有|技术支持|(?:主办|承办|协办)(?:单位)?\s*[:：]|主办单位|承办单位|ICP|备案号"
                         r"|网站标识码|公网安备|Copyright|©|网站维护|设计制作")
#: The word 牌 after a listed brand.  Example: ``青红牌`` → ``青红``.
BRAND_MARK = re.compile(r"牌$")
#: Anti-copy junk glued to a cell's end.  Example: ``0 J9 w/ z`` after ``…酱鸭店``.
JAMMER_TAIL = re.compile(r"[\dA-Za-z$%&*@#!^`\"'/\\;,.\-+=(){}\[\]<>?|~]+$")
#: Level endings of a place name.  Example: ``市`` of ``武汉市``.
PLACE_END = ("市", "县", "区", "省", "盟", "旗")


def full_place(place: str | None) -> str | None:
    """A place as the gold writes it: a bare city name gains 市 (``武汉`` → ``武汉市``,
    ``荆州`` → ``荆州市``); ``湘西自治州``, ``沛县`` stay."""
    if not place:
        return None
    place = place.strip()
    return place if place.endswith(PLACE_END) or place.endswith("自治州") else place + "市"

#: A title announcing who a programme lists, awards or recognises.  Examples:
#: ``第三批“中华老字号”拟推荐名单``, ``关于颁发第八届市长质量奖的决定``, ``2019年知名农产品品牌目录``.
LIST_ANNOUNCEMENT = re.compile(r"名单|名录|目录|公示|公布|上榜|入选|认定|授予|颁发|表彰")
#: The batch a title names: ``第三批`` (``第八届`` is an award's edition, kept in its name).
ANNOUNCED_BATCH = re.compile(r"第([0-9一二三四五六七八九十]{1,3})批")
#: A year a title names: ``2023年``.
ANNOUNCED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
