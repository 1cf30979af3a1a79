"""Interface text of the rendered data, in each language, and the names of the values the schemas allow."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Localized


@dataclass(frozen=True)
class UiText:
    to_be_completed: str  # the one mark of what the group has still to supply (templates/_to_be_completed.html)
    listed_of_stated: str  # {listed} {stated}
    unlisted: str  # {unlisted}, followed by the to-be-completed mark
    type_count: str  # {count} {measure}
    school_measure: str  # how schools are counted (所)
    unit_measure: str  # how other units are counted (家)
    chart_caption: str
    chart_description: str  # {parts}
    chart_part: str  # {label} {count} {measure}
    not_yet_listed: str
    guiding_bodies: str
    guiding_body_note: str
    column_name: str
    column_other_name: str
    column_role: str
    column_district: str
    column_website: str
    column_joined: str
    search_label: str
    type_filter_label: str
    all_types: str
    shown_status: str  # {shown} {total}
    kind: str
    established: str
    parent: str
    partners: str
    includes: str
    profile: str
    progress: str  # {done} {total} {percent}
    progress_label: str
    area: str
    completed: str
    target: str
    related_posts: str
    status_count: str  # {count}
    list_separator: str
    colon: str
    paren_open: str
    paren_close: str
    contact_address: str
    contact_postcode: str
    contact_phone: str
    contact_email: str
    contact_office_hours: str
    contact_wechat: str
    contact_wechat_qr: str
    contact_wechat_qr_alt: str


UI = {
    "zh": UiText(
        to_be_completed="待补充",
        listed_of_stated="集团共有成员单位 {stated} 家，本名录已列出 {listed} 家。",
        unlisted="其余 {unlisted} 家：",
        type_count="{count} {measure}",
        school_measure="所",
        unit_measure="家",
        chart_caption="已列出成员单位的构成",
        chart_description="按单位类型统计：{parts}。",
        chart_part="{label} {count} {measure}",
        not_yet_listed="尚未列入名录",
        guiding_bodies="指导单位",
        guiding_body_note="指导单位指导集团工作，不属于集团成员单位，不计入成员单位总数。",
        column_name="单位名称",
        column_other_name="英文名称",
        column_role="在集团中的角色",
        column_district="所在区县",
        column_website="网站",
        column_joined="加入年份",
        search_label="按名称搜索",
        type_filter_label="单位类型",
        all_types="全部类型",
        shown_status="显示 {shown} 家，共 {total} 家",
        kind="类别",
        established="成立时间",
        parent="所属",
        partners="合作单位",
        includes="下设",
        profile="简介",
        progress="已完成 {done} 项，共 {total} 项（{percent}%）",
        progress_label="总体进度",
        area="领域",
        completed="完成时间",
        target="目标时间",
        related_posts="相关报道",
        status_count="{count} 项",
        list_separator="、",
        colon="：",
        paren_open="（",
        paren_close="）",
        contact_address="地址",
        contact_postcode="邮政编码",
        contact_phone="电话",
        contact_email="电子邮箱",
        contact_office_hours="办公时间",
        contact_wechat="微信公众号",
        contact_wechat_qr="公众号二维码",
        contact_wechat_qr_alt="集团微信公众号二维码",
    ),
    "en": UiText(
        to_be_completed="To be completed",
        listed_of_stated="The group has {stated} member units; {listed} of them are listed here.",
        unlisted=" The other {unlisted}: ",
        type_count="{count}",
        school_measure="",
        unit_measure="",
        chart_caption="Composition of the listed member units",
        chart_description="By type of unit: {parts}.",
        chart_part="{label}: {count}",
        not_yet_listed="Not yet listed",
        guiding_bodies="Guiding body",
        guiding_body_note="A guiding body guides the group's work; it is not a member unit and is not counted "
        "among them.",
        column_name="Name",
        column_other_name="Chinese name",
        column_role="Role in the group",
        column_district="District",
        column_website="Website",
        column_joined="Joined",
        search_label="Search by name",
        type_filter_label="Type of unit",
        all_types="All types",
        shown_status="Showing {shown} of {total} units",
        kind="Kind",
        established="Established",
        parent="Part of",
        partners="Partners",
        includes="Includes",
        profile="Profile",
        progress="{done} of {total} done ({percent}%)",
        progress_label="Overall progress",
        area="Area",
        completed="Completed",
        target="Target",
        related_posts="Related news",
        status_count="{count}",
        list_separator=", ",
        colon=": ",
        paren_open=" (",
        paren_close=")",
        contact_address="Address",
        contact_postcode="Postcode",
        contact_phone="Telephone",
        contact_email="E-mail",
        contact_office_hours="Office hours",
        contact_wechat="WeChat official account",
        contact_wechat_qr="WeChat QR code",
        contact_wechat_qr_alt="QR code of the group's WeChat official account",
    ),
}

# Names of the values the schemas allow; a test checks that every allowed value has one.
MEMBER_TYPES: dict[str, Localized] = {
    "vocational-school": {"zh": "中等职业学校", "en": "Secondary vocational school"},
    "higher-vocational-college": {"zh": "高等职业院校", "en": "Higher vocational college"},
    "enterprise": {"zh": "企业", "en": "Enterprise"},
    "research-institute": {"zh": "科研院所", "en": "Research institute"},
    "association": {"zh": "行业协会与社会组织", "en": "Association or social organisation"},
    "government": {"zh": "政府部门", "en": "Government body"},
}
# Schools are counted with 所 in Chinese, other units with 家.
SCHOOL_TYPES = frozenset({"vocational-school", "higher-vocational-college"})
MEMBER_ROLES: dict[str, Localized] = {
    "lead-unit": {"zh": "牵头单位", "en": "Lead unit"},
    "member": {"zh": "成员单位", "en": "Member"},
    "guiding-body": {"zh": "指导单位", "en": "Guiding body"},
}
COLLEGE_KINDS: dict[str, Localized] = {
    "industrial-college": {"zh": "产业学院", "en": "Industrial college"},
    "specialised-college": {"zh": "特色学院", "en": "Specialised colleges"},
    "training-base": {"zh": "企业实训基地", "en": "Enterprise training bases"},
    "programme": {"zh": "人才培养项目", "en": "Training programmes"},
}
ACTION_STATUSES: dict[str, Localized] = {
    "planned": {"zh": "计划中", "en": "Planned"},
    "in-progress": {"zh": "进行中", "en": "In progress"},
    "done": {"zh": "已完成", "en": "Done"},
}
ACTION_AREAS: dict[str, Localized] = {
    "industry-education": {"zh": "产教融合", "en": "Industry-education integration"},
    "talent": {"zh": "人才培养", "en": "Talent development"},
    "specialties": {"zh": "专业建设", "en": "Programme building"},
    "design-plus": {"zh": "“工业设计+”", "en": "Industrial Design+"},
    "entrepreneurship": {"zh": "创新创业", "en": "Entrepreneurship"},
    "exchange": {"zh": "交流合作", "en": "Exchange and cooperation"},
    "regional": {"zh": "区域发展", "en": "Regional development"},
    "group-building": {"zh": "集团建设", "en": "Group development"},
}
PERIODS: dict[str, Localized] = {
    "spring-semester": {"zh": "春季学期", "en": "Spring semester"},
    "autumn-semester": {"zh": "秋季学期", "en": "Autumn semester"},
}
