"""帮助 › 使用说明: the short manual shown inside the program, in Chinese and English. Kept as
text here (not a resource file) so that it always travels with the program it describes."""

from __future__ import annotations

ZH = """
<h2>三分之一招商台账 使用说明</h2>
<p>本程序记录领导每天的工作，计算用于招商引资的时间是否达到三分之一，
按月生成月报并报送督查室。数据保存在本机的数据库文件中，每天第一次打开时自动备份。</p>

<h3>每天：记工作</h3>
<ol>
<li>在上方选择<b>人员</b>，进入<b>工作记录</b>页，按 <b>Ctrl+N</b> 新建一条记录：
日期、活动类型（如“项目洽谈”“外出招商”“其他工作”）、起止时间或“全天/半天”、地点、接洽对象、备注。</li>
<li>外出招商请在<b>外出招商</b>页登记一次行程（出发、返回日期，目的地，拜访企业，同行人员），
每天的记录会自动生成。</li>
<li>洽谈的项目在<b>项目</b>页登记，阶段（在谈、签约、开工……）和到位资金随进展添加。</li>
<li>录错了：选中记录按 <b>Enter</b> 或 <b>F2</b> 修改，按 <b>Delete</b> 删除（进入回收站）；
<b>Ctrl+Z</b> 撤销，<b>Ctrl+Y</b> 重做。</li>
<li><b>工作台</b>显示本月至今的招商占比和进度。</li>
</ol>

<h3>月底：报送</h3>
<ol>
<li>统计期选本月，在<b>报告</b>页预览月报、导出 PDF 或打印，核对无误。</li>
<li>到<b>报送</b>页选中该人员，按“报送本月…”，把生成的 .otr 文件通过 U 盘或邮件交督查室。
报送后该月只读；督查室退回后可以修改并重新报送。</li>
<li>收到督查室的退回文件（.otv）或下发文件（.otc）时，在<b>报送</b>页“接收报送文件…”，
或直接把文件拖到该页。</li>
<li>第一次报送前，请在<b>设置 › 签名密钥与登记</b>导出本单位的登记文件交督查室，
并通过电话向督查室核对密钥指纹。</li>
</ol>

<h3>督查室</h3>
<ol>
<li>在<b>设置 › 签名密钥与登记</b>接受各单位的登记文件（电话核对指纹），
并导出督查室的登记文件发给各单位。</li>
<li>在<b>报送</b>页“接收报送文件…”，可一次选中多个文件或整个文件夹；每个文件的结果都会列出。</li>
<li>看板显示已报送、未报送的人员和单位；可以查看报送的月报，审核通过或退回并提出意见。</li>
<li>“待核对”列出与本库不同的项目信息和超过 100 亿元的金额，逐项采用或保持。</li>
<li>在<b>报告</b>页生成汇总通报（按人员、单位或招商组）和外出招商情况上报表。</li>
<li>节假日安排和单位排序在<b>设置</b>中维护，用“导出下发文件…”发给各单位。</li>
</ol>

<h3>数据与备份</h3>
<p><b>帮助 › 数据位置</b>显示数据库、备份和日志所在的文件夹。数据库文件请放在本机硬盘上，
不要放在网络共享盘上。可在<b>设置</b>中“立即备份”或从备份恢复。</p>
"""

EN = """
<h2>OneThird: how to use it</h2>
<p>The program records each leader's daily work, works out whether a third of it went to
investment promotion, and makes the monthly report that goes to the supervision office. The data
is kept in a database file on this PC, backed up automatically when it is first opened each day.</p>

<h3>Every day: log the work</h3>
<ol>
<li>Choose the <b>person</b> at the top, open <b>Entries</b> and press <b>Ctrl+N</b>: date,
activity, start and end or whole/half day, place, counterpart, note.</li>
<li>Log a journey once on <b>Trips</b> (dates, destinations, companies, companions); its daily
entries are made for you.</li>
<li>Projects discussed go on <b>Projects</b>, with their stages and funds as they progress.</li>
<li>A mistake: select the row and press <b>Enter</b> or <b>F2</b> to change it, <b>Delete</b> to
delete it (it goes to the recycle bin); <b>Ctrl+Z</b> undoes, <b>Ctrl+Y</b> redoes.</li>
<li>The <b>Dashboard</b> shows the month's promotion share so far and the pace.</li>
</ol>

<h3>At month end: submit</h3>
<ol>
<li>With this month as the period, preview the monthly report on <b>Reports</b>, export it or
print it, and check it.</li>
<li>On <b>Submissions</b> select the person and press "Submit this month…"; give the .otr file to
the supervision office. The month is then read-only until the office returns it.</li>
<li>Take in the office's return (.otv) or calendar (.otc) files with "Take in report files…" on
<b>Submissions</b>, or drop them on that page.</li>
<li>Before the first submission, export this unit's registration file under <b>Settings ›
Signing keys and registration</b> and read its fingerprint to the office by phone.</li>
</ol>

<h3>At the supervision office</h3>
<ol>
<li>Accept each unit's registration file (comparing the fingerprint by phone) and send the
office's own registration file to the units.</li>
<li>Take in report files on <b>Submissions</b>, several files or a folder at once; every file's
outcome is listed.</li>
<li>The board shows who and which units are in; open a submitted report, accept it or return it
with an opinion.</li>
<li>"Values to check" lists project details that differ from this ledger and amounts over
10 billion yuan; take or keep each.</li>
<li>Make the circular (by person, unit or group) and the trips form on <b>Reports</b>.</li>
<li>Holidays and the official order of units are kept in <b>Settings</b> and sent to the units
with "Export the file for the units…".</li>
</ol>

<h3>Data and backups</h3>
<p><b>Help › Where the data is</b> shows the folders of the database, its backups and the logs.
Keep the database on this PC's disk, not on a network share. <b>Settings</b> can back up now or
restore a backup.</p>
"""


def manual(lang: str) -> str:
    return EN if lang == "en" else ZH
