"""What monthly submission says: its refusals (SubmissionError) and the outcome of taking in a file,
in Chinese and English. Kept apart from errors.py so the submission words live in one place."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.domain.errors import LedgerError, field_label, in_language

FIELDS: Mapping[str, tuple[str, str]] = {
    "month": ("月报", "monthly report"),
    "report_file": ("报送文件", "report file"),
    "review": ("审核", "review"),
    "deadline": ("报送截止日", "deadline"),
}

MESSAGES: Mapping[str, tuple[str, str]] = {
    # the lock on a submitted month
    "month_locked": (
        "{person} {period}的月报已于 {at} 提交，该月的工作记录和外出招商只读；"
        "如需修改，请督查室退回后再改",
        "{person}'s report for {period} was submitted on {at}; that month's entries and trips"
        " are read-only until the report is returned",
    ),
    "month_locked_accepted": (
        "{person} {period}的月报已于 {at} 提交并已审核通过，该月的工作记录和外出招商只读",
        "{person}'s report for {period} was submitted on {at} and accepted; that month's"
        " entries and trips are read-only",
    ),
    # the workflow
    "bad_transition": (
        "{person} {period}的月报当前为“{state}”，不能{action}",
        "{person}'s report for {period} is '{state}'; it cannot be {action}",
    ),
    "opinion_required": ("退回时必须填写审核意见", "a return needs the reviewer's opinion"),
    "not_received": (
        "{person} {period}的月报不是报送到本数据库的，不能在这里审核",
        "{person}'s report for {period} was not received by this database; review it where it"
        " was taken in",
    ),
    "received_not_submittable": (
        "{person} {period}的月报是由单位报送到本数据库的，不能在这里再次报送",
        "{person}'s report for {period} was received from the unit; it cannot be submitted"
        " from here",
    ),
    "received_file_gone": (
        "{person} {period}的报送文件已不在接收时的位置（{path}），无法打开其中的月报 PDF；"
        "请把该文件放回原处，或重新接收一次",
        "the report file of {person} for {period} is no longer where it was taken in from"
        " ({path}); put it back or take it in again to open its PDF",
    ),
    "nothing_to_review": (
        "{person} {period}的月报尚未报送，无可审核",
        "{person} has not submitted a report for {period}; nothing to review",
    ),
    "no_review_yet": (
        "{person} {period}的月报还没有审核结果，没有可发出的意见文件",
        "{person}'s report for {period} has not been reviewed; there is no review to send",
    ),
    "bad_deadline_day": (
        "{value} 不在 1 与 28 之间（每月几号前报送上月月报）",
        "{value} is not between 1 and 28 (day of the next month)",
    ),
    # a report or review file that cannot be read
    "file_missing": ("“{value}”不存在", "'{value}' does not exist"),
    "unreadable": ("无法读取“{value}”：{detail}", "cannot read '{value}': {detail}"),
    "file_empty": ("“{value}”是空文件", "'{value}' is empty"),
    "not_zip": (
        "“{value}”不是 OneThird 报送文件（不是 zip 格式）",
        "'{value}' is not a OneThird report file (not a zip file)",
    ),
    "truncated": (
        "“{value}”不完整（文件被截断或已损坏：{detail}），请让报送单位重新发送",
        "'{value}' is incomplete (truncated or damaged: {detail}); ask for it again",
    ),
    "not_ours": (
        "“{value}”不是 OneThird 报送文件（{detail}）",
        "'{value}' is not a OneThird report file ({detail})",
    ),
    "no_manifest": (
        "“{value}”不是 OneThird 报送文件（其中没有 manifest.json 清单）",
        "'{value}' is not a OneThird report file (it has no manifest.json)",
    ),
    "unknown_schema": (
        "“{value}”的格式版本为 {version}，本程序只能读取版本 {supported}；请升级 OneThird 后再导入",
        "'{value}' has format version {version}; this program reads version {supported}."
        " Update OneThird first",
    ),
    "missing_part": (
        "“{value}”缺少 {part}（文件不完整）",
        "'{value}' lacks {part} (the file is incomplete)",
    ),
    "hash_mismatch": (
        "“{value}”中的 {part} 与清单中的 SHA-256 校验值不符（内容被改动或已损坏）",
        "{part} in '{value}' does not match the SHA-256 in its manifest (changed or damaged)",
    ),
    "not_a_file": (
        "“{value}”不是普通文件（可能是管道或设备），已跳过",
        "'{value}' is not an ordinary file (a pipe or a device); skipped",
    ),
    "too_large": (
        "“{value}”太大（{size}，上限 {limit}），不是 OneThird 写出的月报文件",
        "'{value}' is too large ({size}, at most {limit}); not a report file OneThird wrote",
    ),
    "bad_zip": (
        "“{value}”的压缩包结构不可接受（{detail}），未导入",
        "the zip structure of '{value}' is not acceptable ({detail}); not taken in",
    ),
    "write_failed": (
        "“{value}”未能写入数据库（{detail}），该文件的内容已全部撤销",
        "'{value}' could not be written ({detail}); all of it was rolled back",
    ),
    "unsigned": (
        "“{value}”没有签名，不能确认它来自哪个单位；请对方用新版 OneThird 重新报送",
        "'{value}' is not signed, so where it comes from cannot be told; ask for it again from"
        " an up-to-date OneThird",
    ),
    "bad_signature": (
        "“{value}”的签名与内容不符（文件被改动过，可能是伪造的）",
        "the signature of '{value}' does not match its content (it was changed; it may be forged)",
    ),
    "key_unregistered": (
        "“{value}”的签名密钥 {key} 尚未在本数据库登记；请先接受对方的登记文件（电话核对密钥指纹）",
        "'{value}' is signed by key {key}, which is not registered here; accept the sender's"
        " registration file first (compare the fingerprint by phone)",
    ),
    "key_revoked": (
        "“{value}”的签名密钥 {key} 已被注销",
        "'{value}' is signed by key {key}, which was revoked",
    ),
    "key_wrong_role": (
        "“{value}”的签名密钥 {key} 登记为{role}的密钥，不能用于此类文件",
        "'{value}' is signed by key {key}, registered for a {role}, not for this kind of file",
    ),
    "key_other_unit": (
        "“{value}”的签名密钥 {key} 登记给“{registered}”，不能报送“{unit}”人员的月报",
        "'{value}' is signed by key {key}, registered for '{registered}', not for '{unit}'",
    ),
    "key_unknown": (
        "没有指纹为 {value} 的已登记密钥",
        "no registered key with fingerprint {value}",
    ),
    "bad_registration": (
        "“{value}”不是完好的 OneThird 登记文件（{detail}）",
        "'{value}' is not a sound OneThird registration file ({detail})",
    ),
    "fingerprint_mismatch": (
        "登记文件的密钥指纹是 {actual}，与电话核对的 {expected} 不符，未登记",
        "the registration's key fingerprint is {actual}, not {expected} as compared by phone;"
        " not registered",
    ),
    "revision_jump": (
        "“{value}”是第 {revision} 次报送，但本数据库已接收的是第 {current} 次；"
        "报送次数应逐次递增，未接收",
        "'{value}' is submission {revision}, but submission {current} is the last taken in;"
        " submissions follow on one by one. Not taken in",
    ),
    "bad_content": (
        "“{value}”中的 {part} 内容有误：{detail}",
        "{part} in '{value}' is wrong: {detail}",
    ),
    "bad_entry": (
        "“{value}”中 {date} 的工作记录有误：{detail}",
        "an entry of {date} in '{value}' is wrong: {detail}",
    ),
    # taking a report in
    "local_entries": (
        "本数据库中已有 {person} {period}的 {count} 条本地工作记录（不是从报送文件导入的），"
        "为免重复计算未导入该文件；如该月由单位报送，请先删除这些记录",
        "this database already holds {count} entries of {person} for {period} that were not"
        " taken in from a report file; to avoid counting twice the file was not taken in",
    ),
    "own_submission": (
        "{person} {period}的月报是本数据库自己报送的，不能再导入",
        "{person}'s report for {period} was submitted from this database itself",
    ),
    "accepted_no_replace": (
        "{person} {period}的月报已审核通过（{reviewed}），不再接收新的报送（第 {revision} 次）；"
        "如需更正请先退回",
        "{person}'s report for {period} was accepted on {reviewed}; the new submission"
        " ({revision}) is not taken in. Return the report first",
    ),
    "same_id_different": (
        "与已接收的同一份报送（第 {revision} 次）内容不一致，未导入",
        "differs from the same submission ({revision}) already taken in; not taken in",
    ),
    "activity_kind": (
        "活动类型“{value}”在报送文件中为“{theirs}”，在本数据库中为“{ours}”，不能汇总",
        "activity '{value}' is '{theirs}' in the file but '{ours}' here; cannot combine",
    ),
    # taking a review in (at the unit)
    "review_unknown": (
        "本数据库没有 {person} {period}的报送记录，该审核意见不是发给本数据库的",
        "this database has no submission of {person} for {period}; the review is not for it",
    ),
    "review_mismatch": (
        "该审核意见针对的报送（第 {revision} 次）与本数据库中的不一致，未处理",
        "the review is for a submission ({revision}) this database does not have",
    ),
}

OUTCOMES: Mapping[str, tuple[str, str]] = {
    "taken": (
        "已接收 {who} {period}的月报（第 {revision} 次报送，{at} 提交）：工作记录 {entries} 条，"
        "外出招商 {trips} 次，项目 {projects} 个",
        "Took in {who}'s report for {period} (submission {revision}, {at}): {entries} entries,"
        " {trips} trips, {projects} projects",
    ),
    "replaced": (
        "已接收 {who} {period}的月报第 {revision} 次报送（{at} 提交），替换第 {old} 次报送："
        "工作记录 {entries} 条，外出招商 {trips} 次，项目 {projects} 个",
        "Took in {who}'s report for {period}, submission {revision} ({at}), replacing"
        " submission {old}: {entries} entries, {trips} trips, {projects} projects",
    ),
    "duplicate": (
        "{who} {period}的月报（第 {revision} 次报送）已于 {at} 接收过，未做任何改动",
        "{who}'s report for {period} (submission {revision}) was taken in on {at}; nothing changed",
    ),
    "older": (
        "{who} {period}的月报第 {revision} 次报送（{at} 提交）比已接收的第 {current} 次"
        "（{current_at} 提交）旧，已忽略，未做任何改动",
        "{who}'s report for {period}, submission {revision} ({at}), is older than submission"
        " {current} ({current_at}) already taken in; ignored, nothing changed",
    ),
    "refused": ("未导入：{reason}", "not taken in: {reason}"),
    "calendar_taken": (
        "已采用{sender}下发的节假日安排：{years}",
        "Took in the holiday arrangements sent by {sender}: {years}",
    ),
    "order_taken": (
        "已采用{sender}下发的单位排序（单位 {units} 个，招商组 {groups} 个）",
        "Took in the official order sent by {sender} ({units} units, {groups} groups)",
    ),
    "scheme_taken": (
        "已采用{sender}下发的考核方案：{scheme}",
        "Took in the assessment scheme sent by {sender}: {scheme}",
    ),
    "scheme_unchanged": (
        "{sender}下发的考核方案与本数据库已有的相同，未做任何改动",
        "the assessment scheme sent by {sender} is already held; nothing changed",
    ),
    "order_unchanged": (
        "{sender}下发的单位排序与本数据库已有的相同，未做任何改动",
        "the official order sent by {sender} is already held; nothing changed",
    ),
    "calendar_unchanged": (
        "{sender}下发的节假日安排（{years}）与本数据库已有的相同，未做任何改动",
        "the holiday arrangements sent by {sender} ({years}) are already held; nothing changed",
    ),
    "review_returned": (
        "{who} {period}的月报（第 {revision} 次报送）已被退回，审核意见：{opinion}。"
        "该月记录现在可以修改，改好后请重新报送",
        "{who}'s report for {period} (submission {revision}) was returned: {opinion}."
        " The month can be edited again; submit it again when done",
    ),
    "review_accepted": (
        "{who} {period}的月报（第 {revision} 次报送）已审核通过",
        "{who}'s report for {period} (submission {revision}) was accepted",
    ),
    "review_duplicate": (
        "{who} {period}的审核意见已接收过，未做任何改动",
        "the review of {who}'s report for {period} was taken in before; nothing changed",
    ),
    "review_stale": (
        "该审核意见针对 {who} {period}的第 {revision} 次报送，本数据库已有更新的报送或审核结果，"
        "已忽略",
        "the review is for submission {revision} of {who}'s report for {period}; this database"
        " has a newer submission or review. Ignored",
    ),
    "review_own": (
        "这是本数据库发出的审核意见（{who} {period}），无需导入，已忽略",
        "this is a review this database sent ({who}, {period}); ignored",
    ),
    # warnings that go with an outcome
    "new_person": ("新建人员：{value}", "new person: {value}"),
    "new_activity": ("新建活动类型：{value}", "new activity: {value}"),
    "rules_differ": (
        "报送单位的计算设置（{theirs}）与本数据库（{ours}）不同，汇总按本数据库的设置计算",
        "the unit's settings ({theirs}) differ from this database's ({ours});"
        " figures here use this database's",
    ),
    "leader_changed": (
        "项目“{value}”的包联领导由 {old} 改为 {new}（以最近导入的报送为准）",
        "project '{value}': responsible leader changed from {old} to {new} (newest report wins)",
    ),
    "held_conflict": (
        "项目“{value}”的{what}与本库不同（本库：{ours}；报送：{theirs}），该项目不由{unit}登记，"
        "已留待督查室核对",
        "project '{value}': the file's {what} ({theirs}) differs from this ledger's ({ours}) and"
        " {unit} does not keep this project; held for the office to check",
    ),
    "held_large": (
        "项目“{value}”的{what} {theirs} 超过 100 亿元，已留待督查室核对",
        "project '{value}': {what} {theirs} is over 10 billion yuan; held for the office to check",
    ),
}


class SubmissionError(LedgerError):
    """A refused submission, review or report file: names what is wrong; nothing was changed."""

    def message(self, lang: str = "zh") -> str:
        if self.code not in MESSAGES:
            return super().message(lang)
        zh, en = MESSAGES[self.code]
        text = (en if lang == "en" else zh).format(**in_language(self.params, lang))
        label = FIELDS.get(self.field)
        name = (label[1] if lang == "en" else label[0]) if label else field_label(self.field, lang)
        return f"{name}{': ' if lang == 'en' else '：'}{text}"


def outcome_text(code: str, lang: str = "zh", **params: Any) -> str:
    zh, en = OUTCOMES[code]
    return (en if lang == "en" else zh).format(**in_language(params, lang))
