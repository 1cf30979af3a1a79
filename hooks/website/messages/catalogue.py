"""Every message a writer can get, in Chinese and in English, by id: the one place their wording lives.

A wording names its parameters in braces ({value}, {allowed}); `Phrase.text` (problems.py) fills them in for a
language. Chinese follows the site's own typography: full-width punctuation, a space between Chinese and Latin
letters or digits (tests/test_messages.py checks both languages name the same parameters, and the Chinese with
AutoCorrect). Quotes: “…” around a value in Chinese, '…' in English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

Language = Literal["zh", "en"]


@dataclass(frozen=True)
class Wording:
    zh: str
    en: str

    def of(self, language: Language) -> str:
        return self.zh if language == "zh" else self.en


W = Wording

CATALOGUE: Final[Mapping[str, Wording]] = {
    # -- How a list of problems is introduced, and how a problem in a data entry starts.
    "report.heading": W("发现 {count} 个问题，请修改后重试：", "{count} problem(s) found; fix them and try again:"),
    "report.in_entry": W("{entry}：{text}", "{entry}: {text}"),
    "check.passed": W(
        "检查通过：数据文件、新闻文章、页面排版、照片和附件都没有问题（用时 {seconds} 秒）。",
        "All clear: data files, news posts, the pages' typography, photos and attachments ({seconds} s).",
    ),
    # -- Reading a file: encoding and YAML.
    "file.not_utf8": W(
        "文件不是以 UTF-8 编码保存的：这一行有 UTF-8 无法识别的字节，可能是 GBK（中文 Windows 的“ANSI”）。"
        "请改用 UTF-8 保存：VS Code 中点击窗口右下角的编码，选择“通过编码保存”，再选“UTF-8”；"
        "记事本中选择“另存为”，把编码选为“UTF-8”。",
        "the file is not saved as UTF-8: this line holds bytes that are not UTF-8, perhaps GBK (the 'ANSI' of "
        "Chinese Windows). Save it as UTF-8: in VS Code, click the encoding in the status bar, 'Save with Encoding', "
        "'UTF-8'; in Notepad, 'Save As' with the encoding 'UTF-8'.",
    ),
    "yaml.invalid": W(
        "不是有效的 YAML（{detail}）。请检查缩进，每个 `名称: 值` 的冒号后要有一个空格；"
        "值中有冒号或以特殊字符开头时，请给值加上引号。",
        "this is not valid YAML ({detail}). Check the indentation, that every 'field: value' has a space after the "
        "colon, and put a value in quotes if it holds a colon or starts with a special character.",
    ),
    "yaml.tab": W(
        "这一行用 Tab 键缩进了，YAML 只能用空格缩进：请把 Tab 换成空格（{detail}）。",
        "this line is indented with a tab; YAML is indented with spaces only: replace the tab with spaces ({detail}).",
    ),
    "yaml.duplicate_key": W(
        "同一条目中“{key}”出现了两次（第一次在第 {first_line} 行），请只保留一个。",
        "the field '{key}' appears twice in the same entry (first on line {first_line}); keep one of them.",
    ),
    # -- Data files (data/*.yml), checked against data/schemas/.
    "data.file_missing": W("缺少这个文件：应有 {path}。", "the file is missing: expected {path}."),
    "data.file_empty": W(
        "文件是空的：应以 `{key}:` 开头，后面是一个列表。", "the file is empty: expected '{key}:' followed by a list."
    ),
    "data.field_missing": W(
        "缺少这个字段：请添加 `{key}:`，填写{what}。", "this field is missing: add '{key}:' with {what}."
    ),
    "data.field_missing_plain": W("缺少这个字段：请添加 `{key}:`。", "this field is missing: add '{key}:'."),
    "data.unknown_field": W(
        "没有“{key}”这个字段，请检查拼写；这里可用的字段有：{allowed}。",
        "unknown field '{key}': check the spelling; allowed here: {allowed}.",
    ),
    "data.not_allowed": W(
        "“{value}”不是允许的值，应为以下之一：{allowed}。",
        "'{value}' is not an allowed value; expected one of: {allowed}.",
    ),
    "data.wrong_type": W("这里应为{wanted}，实际是{found}。", "expected {wanted}, found {found}."),
    "data.wrong_type_text": W(
        "这里应为{wanted}，实际是{found}。请给值加上引号。",
        "expected {wanted}, found {found}. Put the value in quotes.",
    ),
    "data.wrong_type_number": W(
        "这里应为{wanted}，实际是{found}。数字不要加引号。",
        "expected {wanted}, found {found}. Write the number without quotes.",
    ),
    "data.invalid": W("“{value}”不符合要求：应为{expected}。", "'{value}' is not valid: expected {expected}."),
    "data.invalid_plain": W(
        "“{value}”不符合要求，请参照 data/schemas/ 中的说明。", "'{value}' is not valid: see the schema."
    ),
    "data.empty_text": W("这里是空的，请填写文字。", "this is empty: write the text."),
    "data.out_of_range": W("{value} 超出了范围：应为{expected}。", "{value} is out of range: expected {expected}."),
    "data.out_of_range_plain": W("{value} 超出了范围（{detail}）。", "{value} is out of range: {detail}."),
    "data.repeated_items": W(
        "列表中有重复的项，每项只保留一次。", "the list names the same thing twice: keep each once."
    ),
    "data.other": W("不符合数据格式（{detail}）。", "{detail}"),
    "data.other_expected": W("不符合数据格式（{detail}）：应为{expected}。", "{detail} (expected {expected})"),
    "data.duplicate_id": W(
        "{key}“{value}”用了两次（第一次在第 {first_line} 行），每个{word}的 {key} 都应不同。",
        "the {key} '{value}' is used twice (first on line {first_line}); give each {word} its own.",
    ),
    "data.unknown_member": W(
        "没有 id 为“{value}”的成员单位：应为 data/members.yml 中的 id。",
        "no member has the id '{value}': expected an id from data/members.yml.",
    ),
    "data.unknown_parent": W(
        "本文件中没有另一个 id 为“{value}”的条目：应为本文件中另一个学院的 id。",
        "no other college has the id '{value}': expected the id of another entry in this file.",
    ),
    "data.unknown_post": W(
        "没有名为“{value}”的新闻文章：应为 {posts_dir} 中的文件名（不带 .md），现有：{known}。",
        "there is no news post '{value}': expected the name of a file in {posts_dir} without .md ({known}).",
    ),
    "data.unknown_post_none": W(
        "没有名为“{value}”的新闻文章：{posts_dir} 中还没有文章。",
        "there is no news post '{value}': there are no posts yet in {posts_dir}.",
    ),
    "data.too_many_members": W(
        "列出了 {listed} 家成员单位，但 stated_total 只写了 {stated}：请把 stated_total 改为集团公布的成员单位总数。",
        "{listed} member units are listed but stated_total says {stated}: "
        "raise stated_total to the group's published number of units.",
    ),
    "data.rejected": W("{detail}（参见 {schema}）。", "{detail} (see {schema})."),
    "data.not_matching": W("文件不符合 {schema} 的要求。", "the file does not match {schema}."),
    # What a value should be (a JSON Schema type) and what was found instead.
    "type.string": W("文字", "text"),
    "type.integer": W("整数", "a whole number"),
    "type.number": W("数字", "a number"),
    "type.boolean": W("布尔值（true 或 false）", "true or false"),
    "type.array": W("列表（以“- ”开头的行）", "a list (lines starting with '- ')"),
    "type.object": W("字段（缩进的 `名称: 值` 行）", "fields ('name: value' lines, indented)"),
    "type.null": W("空值", "nothing"),
    "found.nothing": W("空值", "nothing"),
    "found.boolean": W(
        "“{value}”（true 或 false；yes、no、on、off 这类词要加引号才是文字）",
        "'{value}' (true/false; words like yes, no, on and off need quotes)",
    ),
    "found.fields": W("字段", "fields"),
    "found.list": W("列表", "a list"),
    "found.value": W("“{value}”", "'{value}'"),
    # The entry of a data file a problem is in.
    "entry.named": W("{word}“{id}”", "{word} '{id}'"),
    "entry.numbered": W("第 {number} 个{word}", "{word} number {number}"),
    "word.member": W("成员单位", "member"),
    "word.college": W("学院或基地", "college"),
    "word.action_item": W("行动项", "action item"),
    "word.milestone": W("大事记", "milestone"),
    "word.term": W("术语", "term"),
    "word.category": W("新闻分类", "category"),
    "word.contact": W("联系方式", "contact detail"),
    # -- News posts and their front matter.
    "front_matter.missing": W(
        "缺少文章信息（front matter）：文章应以一行 `---` 开头，接着写各字段（title、description、date、categories），"
        "再以一行 `---` 结束。",
        "front matter missing: a post starts with a line '---', its fields (title, description, date, categories), "
        "and another line '---'",
    ),
    "front_matter.not_fields": W(
        "文章信息（front matter）应为 `名称: 值` 形式的字段，这里是 {found}。",
        "front matter must be fields ('name: value'), found {found}",
    ),
    "post.bad_file_name": W(
        "文件名“{slug}”会成为文章的网址：只能用小写英文字母、数字和连字符，例如 launch-ceremony.md。",
        "file name: '{slug}' becomes the post's URL; use lowercase ASCII letters, digits and hyphens, "
        "e.g. launch-ceremony.md",
    ),
    "post.unknown_field": W("没有这个字段，可用的字段有：{allowed}。", "unknown field; expected one of: {allowed}"),
    "post.text_missing": W("缺少内容，应为一行文字。", "missing; expected a line of text"),
    "post.date_example": W(
        "例如 2024-03-15，或带时间 2024-03-15 09:30（北京时间）", "e.g. 2024-03-15, or with a time 2024-03-15 09:30"
    ),
    "post.date_missing": W("缺少新闻日期，{example}。", "missing; expected the date of the news, {example}"),
    "post.date_invalid": W(
        "“{value}”不是日期，应写成“年-月-日”，{example}。", "'{value}' is not a date; expected YYYY-MM-DD, {example}"
    ),
    "post.date_month": W("“{value}”：月份应为 1 到 12，{example}。", "'{value}': the month must be 1 to 12; {example}"),
    "post.date_no_such_day": W(
        "“{value}”：{month} 月没有 {day} 日，{example}。", "'{value}': month {month} has no day {day}; {example}"
    ),
    "post.date_time": W(
        "“{value}”：时间应在 00:00 到 23:59 之间，{example}。",
        "'{value}': the time must be between 00:00 and 23:59; {example}",
    ),
    "post.precision_invalid": W(
        "“{value}”不是可用的日期精度，应为以下之一：{allowed}。", "'{value}'; expected one of: {allowed}"
    ),
    "post.precision_first_day": W(
        "date_precision 为 {precision} 时，日期请写该月的 1 日，例如 2023-01-01。",
        "with date_precision: {precision}, write the first day of the month, e.g. 2023-01-01",
    ),
    "post.semester_month": W(
        "date_precision 为 semester 时，日期请写学期开始的月份（春季学期 2 至 7 月，秋季学期 8 至 12 月）。",
        "with date_precision: semester, write the semester's first month (2-7 spring, 8-12 autumn)",
    ),
    "post.categories_missing": W(
        "缺少分类，应为以下分类中的一个或多个（写成列表）：{allowed}。",
        "missing; expected a list of one or more of: {allowed}",
    ),
    "post.category_unknown": W(
        "“{value}”不是新闻分类，应为以下之一：{allowed}。",
        "'{value}' is not a news category; expected one of: {allowed}",
    ),
    "post.authors_invalid": W(
        "应为 data/news.yml 中发布者 id 的列表：{allowed}。",
        "expected a list of author ids from data/news.yml: {allowed}",
    ),
    "post.author_unknown": W(
        "“{value}”不是已有的发布者，应为以下之一：{allowed}。",
        "'{value}' is not a known author; expected one of: {allowed}",
    ),
    "post.draft_invalid": W("“{value}”应为 true 或 false。", "'{value}'; expected true or false"),
    "post.pin_invalid": W(
        "“{value}”应为 true（置顶：排在新闻列表和首页新闻的最前面）或 false。",
        "'{value}'; expected true (pinned: first on the news list and the home page) or false",
    ),
    "post.cover_invalid": W(
        "“{value}”不是图片的路径。请写从文章所在文件夹算起的相对路径，例如 cover: summer-training-2024/meeting.jpg"
        "（可用的格式：{allowed}）。",
        "'{value}' is not the path of an image; write it relative to the post's folder, e.g. "
        "cover: summer-training-2024/meeting.jpg (formats: {allowed})",
    ),
    "post.no_excerpt_break": W(
        "缺少 `{marker}` 这一行：请把它放在第一段之后，新闻列表会把第一段显示为摘要。",
        "no '{marker}' line; put it after the first paragraph, which the news list shows",
    ),
    "post.translation_differs": W(
        "与译文 {other} 不一致（这里是 {mine}，译文是 {theirs}）：文章和译文的日期、时间与分类必须相同。",
        "differs from its translation {other} ({mine} against {theirs}); "
        "a post and its translation share the same date, time and categories",
    ),
    # -- Photos, cover images and attachments (website/media/). The size and format of any file a page may show.
    "file.too_large": W(
        "文件太大（{size} MB），上限为 {limit} MB（GitHub 网页上传的上限；每个文件都会永久留在仓库中）。"
        "照片请用手机“分享”或电脑“导出”得到较小的副本；PDF 请用“另存为”中的“减小文件大小”或按章节拆分；"
        "视频和大型资料请放在集团官方网盘或网站上，在文章中写链接。",
        "the file is too large ({size} MB); the limit is {limit} MB (GitHub's limit for files uploaded in the "
        "browser; every file stays in the repository for good). Share or export a smaller copy of a photo; save a PDF "
        "with a 'reduce file size' option or split it; put videos and large material on the group's official file "
        "share or website and link to it from the post.",
    ),
    "photo.unsupported_format": W(
        "网站不处理 {extension} 格式的图片。照片请另存为 JPEG（.jpg），图表和截图请另存为 PNG（.png）。"
        "可用的格式：{allowed}。",
        "the site does not handle {extension} images; save photos as JPEG (.jpg) and charts or screenshots as PNG "
        "(.png). Formats it takes: {allowed}.",
    ),
    "photo.not_an_image": W(
        "无法识别为图片（文件可能已损坏，或扩展名与内容不符）。请从手机或电脑重新导出为 JPEG（.jpg）后再放入。",
        "not an image that can be read (the file may be damaged, or its extension does not match its content); "
        "export the photo again as JPEG (.jpg) and put that in instead.",
    ),
    "photo.damaged": W(
        "图片文件不完整或已损坏（{detail}）。请重新放入原始照片。",
        "the image file is incomplete or damaged ({detail}); put the original photo in again.",
    ),
    "photo.too_many_pixels": W(
        "图片过大（{width} × {height} 像素，{megapixels} 百万像素），上限为 {limit} 百万像素。"
        "请缩小到长边不超过 8000 像素后再放入（网页最多显示 {shown} 像素宽）。",
        "the image is too large ({width} × {height} pixels, {megapixels} megapixels); the limit is {limit} "
        "megapixels. Resize it to at most 8,000 pixels on its longest side (the site shows at most {shown}).",
    ),
    # Pillow's own refusal of a possible decompression bomb gives the number of pixels only.
    "photo.too_many_pixels_declared": W(
        "图片过大（{megapixels} 百万像素），上限为 {limit} 百万像素。"
        "请缩小到长边不超过 8000 像素后再放入（网页最多显示 {shown} 像素宽）。",
        "the image is too large ({megapixels} megapixels); the limit is {limit} megapixels. Resize it to at most "
        "8,000 pixels on its longest side (the site shows at most {shown}).",
    ),
    "photo.same_address": W(
        "与 {other} 会发布到同一个网址 {address}（文件名相同、只有扩展名不同）。请给其中一张图片改名。",
        "it and {other} would be published at the same address, {address} (same file name, different extension); "
        "rename one of them.",
    ),
    "photo.missing": W(
        "找不到图片 {image}。请把图片放到 docs/ 中（例如 docs/assets/images/news/），"
        "并检查路径和文件名（路径从页面所在的文件夹算起）。",
        "there is no image {image}: put the image in docs/ (e.g. docs/assets/images/news/) and check the path and "
        "file name (relative to the page's folder).",
    ),
    "photo.alt_missing": W(
        "图片 {image} 缺少替代文字（alt）。请在方括号中用一句话说明照片的内容，"
        "例如 `![学生在实训车间操作数控机床]({image})`。读屏软件会朗读这句话，图片无法显示时也会显示它。",
        "image {image} has no alt text: describe what the photo shows in the square brackets, e.g. "
        "`![Students at a CNC machine in the training workshop]({image})`. Screen readers read it out, and it shows "
        "when the image cannot.",
    ),
    "photo.alt_file_name": W(
        "图片 {image} 的替代文字“{alt}”是文件名，不是说明。请改为一句描述照片内容的话，"
        "例如 `![学生在实训车间操作数控机床]({image})`。",
        "the alt text of image {image}, '{alt}', is a file name, not a description; write what the photo shows "
        "instead, e.g. `![Students at a CNC machine in the training workshop]({image})`.",
    ),
    "photo.alt_generic": W(
        "图片 {image} 的替代文字“{alt}”没有说明照片的内容。请写明照片里是谁、在做什么，"
        "例如 `![学生在实训车间操作数控机床]({image})`。",
        "the alt text of image {image}, '{alt}', does not say what the photo shows; say who is in it and what "
        "happens, e.g. `![Students at a CNC machine in the training workshop]({image})`.",
    ),
    "photo.alt_not_chinese": W(
        "中文页面中图片 {image} 的替代文字“{alt}”不是中文。请用中文说明照片的内容。",
        "the alt text of image {image} in a Chinese page, '{alt}', is not in Chinese; describe the photo in Chinese.",
    ),
    "photo.alt_not_english": W(
        "英文页面中图片 {image} 的替代文字“{alt}”不是英文。请用英文说明照片的内容。",
        "the alt text of image {image} in an English page, '{alt}', is not in English; describe the photo in English.",
    ),
    "cover.missing": W(
        "找不到封面图片 {value}。路径从文章所在的文件夹算起，请检查文件名和文件夹。",
        "there is no image {value}; the path is relative to the post's folder: check the file name and the folders.",
    ),
    "attachment.missing": W(
        "找不到链接的附件 {link}。请把文件放到 docs/ 中（例如 docs/assets/files/），"
        "并检查链接中的路径和文件名（路径从页面所在的文件夹算起）。",
        "the attachment {link} that the page links to does not exist; put the file in docs/ (e.g. docs/assets/files/) "
        "and check the path and file name in the link (relative to the page's folder).",
    ),
    # -- Typography of the Chinese pages (AutoCorrect).
    "typography.fix": W(
        "排版：“{old}”应为“{new}”（中文与英文、数字之间加空格，中文使用全角标点）。运行 make fix 可自动改正。",
        "typography: '{old}' should read '{new}' (a space between Chinese and Latin letters or digits, full-width "
        "punctuation in Chinese); `make fix` corrects it.",
    ),
    "fix.changed": W("已改正排版：{file}", "typography fixed: {file}"),
    "fix.nothing": W("排版无需改正。", "nothing to fix."),
    # -- On GitHub: annotations on the pull request, and the job summary (shown in Chinese).
    "github.title": W("网站检查：{field}", "site check: {field}"),
    "github.title_plain": W("网站检查", "site check"),
    "summary.problems": W("网站检查发现 {count} 个问题", "The site check found {count} problem(s)"),
    "summary.problems_hint": W(
        "请按下表修改，提交到同一分支后会自动重新检查。每个问题也标在了“Files changed”中对应的行上。",
        "Fix them as the table says and push to the same branch to check again. Each problem is also marked on its "
        "line under 'Files changed'.",
    ),
    "summary.column_file": W("文件", "File"),
    "summary.column_line": W("行", "Line"),
    "summary.column_field": W("字段", "Field"),
    "summary.column_problem": W("问题", "Problem"),
    "summary.passed": W("网站检查通过", "The site check passed"),
    "summary.pages": W(
        "本次修改新增或改动了以下页面，合并后发布在这些网址：",
        "The pages this change adds or changes, at their addresses once merged:",
    ),
    "summary.no_pages": W("本次修改没有新增或改动页面。", "This change adds or changes no page."),
    "summary.column_page": W("页面", "Page"),
    "summary.column_address": W("网址", "Address"),
    "summary.draft": W("（草稿，不会发布）", " (draft, not published)"),
    "summary.preview": W("预览", "Preview"),
    "summary.site_artifact": W(
        "[下载生成的网站]({url})：整个网站的压缩包，保留 {days} 天。",
        "[Download the built site]({url}): the whole site as a zip file, kept for {days} days.",
    ),
    "summary.screenshots_artifact": W(
        "[下载页面截图]({url})：新增或改动的页面在手机和电脑上的样子，中英文各一份，保留 {days} 天。",
        "[Download the screenshots]({url}): the added or changed pages at phone and desktop widths, in both "
        "languages, kept for {days} days.",
    ),
    "summary.view_locally": W(
        "在自己的电脑上查看：解压网站压缩包，在解压出的文件夹中运行 `python3 -m http.server 8000`，"
        "再用浏览器打开 http://127.0.0.1:8000/ 即可。",
        "To view it on your computer, unzip the site, run `python3 -m http.server 8000` in its folder and open "
        "http://127.0.0.1:8000/ in a browser.",
    ),
}
