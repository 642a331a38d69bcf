<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptKeyDialog</name>
    <message>
        <source>Accept a registration file</source>
        <translation>接受登记文件</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Ask the other office to read out its key&apos;s fingerprint by phone and type it here. The key is registered only if the two agree.</source>
        <translation>请对方通过电话念出其密钥指纹，并在此输入。两者一致才登记该密钥。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Persons (%1)</source>
        <translation>人员（%1 名）</translation>
    </message>
    <message>
        <source>Fingerprint in the file</source>
        <translation>文件中的密钥指纹</translation>
    </message>
    <message>
        <source>Fingerprint read out by phone</source>
        <translation>电话核对的密钥指纹</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>No fingerprint was typed, so this file is not checked against the code the other office reads out: anyone could have made it. Register its key without comparing?</source>
        <translation>没有输入密钥指纹，无法与对方电话念出的指纹核对：这个文件可能是任何人做的。不核对就登记它的密钥吗？</translation>
    </message>
    <message>
        <source>Register without comparing</source>
        <translation>不核对直接登记</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>SQLite&apos;s check found damage in this database: %1.</source>
        <translation>数据库检查发现此数据库已损坏：%1。</translation>
    </message>
    <message>
        <source>Restore the newest good backup, %1, now?</source>
        <translation>现在从最近的完好备份 %1 恢复吗？</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore the chosen backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Restore another file…</source>
        <translation>从其他文件恢复…</translation>
    </message>
    <message>
        <source>A backup is made when the program is first opened each day and before imports, intake and restores; the newest are kept.</source>
        <translation>每天第一次打开程序时，以及导入、接收报送文件和恢复之前，都会自动备份；保留最近的备份。</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>asked for</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before intake</source>
        <translation>接收报送前</translation>
    </message>
    <message>
        <source>There is no backup yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up: %1 (%2).</source>
        <translation>已备份：%1（%2）。</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation>备份文件 (*.db)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the ledger with the backup %1? The present state is backed up first.</source>
        <translation>用备份 %1 替换当前台账吗？替换前会先备份当前状态。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Loading chart…</source>
        <translation>正在生成图表…</translation>
    </message>
    <message>
        <source>Print monthly report…</source>
        <translation>打印月报…</translation>
    </message>
    <message>
        <source>All persons</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Target met</source>
        <translation>已达标</translation>
    </message>
    <message>
        <source>%1 more days needed</source>
        <translation>还需 %1 天</translation>
    </message>
    <message>
        <source>Base days %1</source>
        <translation>基数 %1 天</translation>
    </message>
    <message>
        <source>Promotion days %1</source>
        <translation>招商 %1 天</translation>
    </message>
    <message>
        <source>Print monthly report</source>
        <translation>打印月报</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Pace: just started</source>
        <translation>进度：刚开始</translation>
    </message>
    <message>
        <source>Pace: on track</source>
        <translation>进度：正常</translation>
    </message>
    <message>
        <source>Pace: behind</source>
        <translation>进度：落后</translation>
    </message>
    <message>
        <source>Share over 12 months</source>
        <translation>近12个月招商精力占比</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>This month so far</source>
        <translation>本月至今</translation>
    </message>
    <message>
        <source>No entries in these months</source>
        <translation>这些月份没有工作记录</translation>
    </message>
</context>
<context>
    <name>DataLocationDialog</name>
    <message>
        <source>Where the data is</source>
        <translation>数据位置</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Keep the database on this PC&apos;s disk. Backups are made when the program is first opened each day and before imports and intake; copy the backup folder to a USB disk now and then.</source>
        <translation>数据库文件请放在本机硬盘上。每天第一次打开程序时以及导入、接收报送之前会自动备份；请不时把备份文件夹复制到 U 盘。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>EntriesPage</name>
    <message>
        <source>Search location, counterpart, progress…</source>
        <translation>搜索地点、客商、进展成效…</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新建工作记录</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>All activities</source>
        <translation>全部活动类型</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <source>No work entries in this period yet. Click “New entry” (Ctrl+N) to log one, or bring in an Excel ledger with File › Import a ledger.</source>
        <translation>这段时间还没有工作记录。点“新建工作记录”（Ctrl+N）登记一条，或用 文件 › 导入台账 导入原来的 Excel 台账。</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>添加工作记录</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>修改工作记录</translation>
    </message>
    <message>
        <source>the entry of %1</source>
        <translation>%1 的记录</translation>
    </message>
    <message>
        <source>Trip entry</source>
        <translation>外出招商记录</translation>
    </message>
    <message>
        <source>This entry belongs to a trip; change it on the Trips page.</source>
        <translation>这条记录属于外出招商行程，请在“外出招商”页修改。</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>删除工作记录</translation>
    </message>
    <message>
        <source>Delete %1 entries</source>
        <translation>删除 %1 条工作记录</translation>
    </message>
    <message>
        <source>the %1 selected entries</source>
        <translation>所选的 %1 条工作记录</translation>
    </message>
    <message>
        <source>Work entries</source>
        <translation>工作记录</translation>
    </message>
    <message>
        <source>Exporting… %1%</source>
        <translation>正在导出… %1%</translation>
    </message>
</context>
<context>
    <name>EntriesTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>客商/企业</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展成效</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Full day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Half day</source>
        <translation>半天</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Edit entry</source>
        <translation>修改工作记录</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新建工作记录</translation>
    </message>
    <message>
        <source>Full day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Half day</source>
        <translation>半天</translation>
    </message>
    <message>
        <source>From–to</source>
        <translation>起止时间</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时数</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>客商/企业</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展成效</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Entry (read-only)</source>
        <translation>工作记录（只读）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FeedbackBar</name>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to OneThird</source>
        <translation>欢迎使用三分之一招商台账</translation>
    </message>
    <message>
        <source>OneThird keeps the ledger of how much effort each principal leader spends on investment promotion, against the one-third rule.

A new database will be created at:
%1

Enter your unit and the first leader whose work you will log, and your own name: what you enter is recorded as filled in by you. You can add more people later.</source>
        <translation>三分之一招商台账记录各位主要负责同志用于招商引资的精力，对照“三分之一”的要求。

将在以下位置新建数据库：
%1

请填写本单位、要记录工作的第一位领导，以及您本人的姓名：您录入的内容都会记为由您填报。以后可以再添加人员。</translation>
    </message>
    <message>
        <source>e.g. City Government</source>
        <translation>如：市人民政府</translation>
    </message>
    <message>
        <source>e.g. Mayor</source>
        <translation>如：市长</translation>
    </message>
    <message>
        <source>you, who fill in the ledger on this PC</source>
        <translation>您本人：在本机填写台账的人</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Leader&apos;s name</source>
        <translation>领导姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Filled in by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please enter the leader&apos;s name.</source>
        <translation>请填写领导姓名。</translation>
    </message>
    <message>
        <source>Your name is too long (at most 50 characters).</source>
        <translation>姓名太长（最多 50 个字）。</translation>
    </message>
</context>
<context>
    <name>FlagsDialog</name>
    <message>
        <source>Values to check</source>
        <translation>待核对事项</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>This ledger</source>
        <translation>本库</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show decided ones too</source>
        <translation>也显示已处理的</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Take the file&apos;s value</source>
        <translation>采用报送的值</translation>
    </message>
    <message>
        <source>Keep this ledger&apos;s value</source>
        <translation>保持本库的值</translation>
    </message>
    <message>
        <source>A unit&apos;s report does not overwrite a project another unit keeps, and an amount over 10 billion yuan does not count until it is checked. Decide each value here; Ctrl+Z in the main window takes a decision back.</source>
        <translation>单位报送的月报不会改写由其他单位登记的项目信息，超过 100 亿元的金额在核对前也不计入。请在这里逐项处理；在主窗口按 Ctrl+Z 可撤销处理。</translation>
    </message>
    <message>
        <source>Nothing waits to be checked.</source>
        <translation>没有待核对的事项。</translation>
    </message>
    <message>
        <source>Select a value in the list first.</source>
        <translation>请先在列表中选择一项。</translation>
    </message>
    <message>
        <source>This value was decided already.</source>
        <translation>这一项已经处理过。</translation>
    </message>
    <message>
        <source>%1: %2 is now %3 (from the file).</source>
        <translation>%1：%2已按报送改为 %3。</translation>
    </message>
    <message>
        <source>%1: %2 stays %3.</source>
        <translation>%1：%2保持 %3。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History: %1</source>
        <translation>修改历史：%1</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>put back</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>import undone</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>import redone</source>
        <translation>重做导入</translation>
    </message>
    <message>
        <source>sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>taken in</source>
        <translation>报送导入</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <source>Public holidays</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>e.g. 国办发明电〔2026〕X号</source>
        <translation>如 国办发明电〔2026〕X号</translation>
    </message>
    <message>
        <source>e.g. 春节</source>
        <translation>如 春节</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Mark as day off</source>
        <translation>设为法定节假日</translation>
    </message>
    <message>
        <source>Mark as make-up workday</source>
        <translation>设为调休上班日</translation>
    </message>
    <message>
        <source>Mark as ordinary day</source>
        <translation>设为普通日</translation>
    </message>
    <message>
        <source>Remove what was entered for this year</source>
        <translation>删除本年录入的安排</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Notice number</source>
        <translation>通知文号</translation>
    </message>
    <message>
        <source>Notice date</source>
        <translation>通知日期</translation>
    </message>
    <message>
        <source>Chosen day</source>
        <translation>所选日期</translation>
    </message>
    <message>
        <source>Holiday name</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <source>Days of this year&apos;s arrangement</source>
        <translation>本年安排中的日期</translation>
    </message>
    <message>
        <source>Red: days off (法定节假日) · Blue: make-up workdays (调休上班日)</source>
        <translation>红底：法定节假日&#x3000;蓝底：调休上班日</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Sent by %1</source>
        <translation>由%1下发</translation>
    </message>
    <message>
        <source>Entered in this program</source>
        <translation>本程序录入</translation>
    </message>
    <message>
        <source>Holiday arrangement file</source>
        <translation>节假日安排文件</translation>
    </message>
    <message>
        <source>chinesecalendar data</source>
        <translation>chinesecalendar 数据</translation>
    </message>
    <message>
        <source>Not known: counted as Monday to Friday</source>
        <translation>未收录，按周一至周五计算</translation>
    </message>
    <message>
        <source>Make-up workday</source>
        <translation>调休上班日</translation>
    </message>
</context>
<context>
    <name>ImportColumnsWidget</name>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>counterpart</source>
        <translation>客商/企业</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>note (the work done, first)</source>
        <translation>备注（工作内容在前）</translation>
    </message>
    <message>
        <source>recorded by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>not imported (row numbers)</source>
        <translation>不导入（序号）</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>（无列名）</translation>
    </message>
    <message>
        <source>append to the note</source>
        <translation>追加到备注</translation>
    </message>
    <message>
        <source>as the note</source>
        <translation>作为备注</translation>
    </message>
    <message>
        <source>do not import</source>
        <translation>不导入</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>the path of a CSV, TXT or Excel file, or choose one</source>
        <translation>CSV、TXT 或 Excel 文件的路径，或点“选择文件…”</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>first sheet</source>
        <translation>第一个工作表</translation>
    </message>
    <message>
        <source>Add the persons this ledger does not know</source>
        <translation>自动添加台账中尚未登记的人员</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file, then check it.</source>
        <translation>请选择 CSV 或 Excel 文件，然后检查。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet (XLSX)</source>
        <translation>工作表（XLSX）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>文件的各列</translation>
    </message>
    <message>
        <source>Activities this ledger names that OneThird does not know — choose what each one is:</source>
        <translation>台账中有以下本程序没有的活动类型，请为每一项选择对应的类型：</translation>
    </message>
    <message>
        <source>Not in the ledger</source>
        <translation>台账中没有的</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入台账“%1”</translation>
    </message>
    <message>
        <source>Ledger file</source>
        <translation>台账文件</translation>
    </message>
    <message>
        <source>Ledgers (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>台账 (*.csv *.txt *.tsv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the file to import first (Choose file…).</source>
        <translation>请先选择要导入的文件（选择文件…）。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>%p% — about %1 min left</source>
        <translation>%p% — 约剩 %1 分钟</translation>
    </message>
    <message>
        <source>%p% — about %1 s left</source>
        <translation>%p% — 约剩 %1 秒</translation>
    </message>
    <message>
        <source>%1 new entries of %2 persons, %3 to %4; %5 already in the ledger.</source>
        <translation>新增 %1 条记录（%2 人，%3 至 %4）；%5 条已在台账中，跳过。</translation>
    </message>
    <message>
        <source>New persons: %1</source>
        <translation>新增人员：%1</translation>
    </message>
    <message>
        <source>New projects: %1</source>
        <translation>新项目：%1</translation>
    </message>
    <message>
        <source>This very file was imported before.</source>
        <translation>此文件以前导入过。</translation>
    </message>
    <message>
        <source>Check passed: </source>
        <translation>检查通过：</translation>
    </message>
    <message>
        <source>Imported: </source>
        <translation>已导入：</translation>
    </message>
    <message>
        <source>(not mapped)</source>
        <translation>（未对应）</translation>
    </message>
    <message>
        <source>Persons not in the ledger: %1 (tick “%2” above to add them)</source>
        <translation>台账中没有的人员：%1（勾选上方“%2”即可添加）</translation>
    </message>
    <message>
        <source>Projects not in the ledger — tick each one to create it:</source>
        <translation>台账中没有的项目——勾选即新建：</translation>
    </message>
    <message>
        <source>Create project “%1”</source>
        <translation>新建项目“%1”</translation>
    </message>
    <message>
        <source>line %1 (%2)</source>
        <translation>第 %1 行（%2）</translation>
    </message>
    <message>
        <source>sums</source>
        <translation>各列之和</translation>
    </message>
    <message>
        <source>Rows of totals skipped, not imported: %1</source>
        <translation>已跳过合计行，未导入：%1</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Supervision office</source>
        <translation>督查室</translation>
    </message>
    <message>
        <source>Signing keys and registration</source>
        <translation>签名密钥与登记</translation>
    </message>
    <message>
        <source>Files this database sends are signed with this key. Read its fingerprint out by phone when the other office accepts this database&apos;s registration file.</source>
        <translation>本数据库发出的文件都用这个密钥签名。对方接受本数据库的登记文件时，请通过电话向对方念出这个密钥指纹。</translation>
    </message>
    <message>
        <source>Export registration file…</source>
        <translation>导出登记文件…</translation>
    </message>
    <message>
        <source>Use a new key…</source>
        <translation>换用新密钥…</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Revoked at</source>
        <translation>注销时间</translation>
    </message>
    <message>
        <source>Accept a registration file…</source>
        <translation>接受登记文件…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This database&apos;s key:</source>
        <translation>本数据库的密钥：</translation>
    </message>
    <message>
        <source>Register as</source>
        <translation>登记为</translation>
    </message>
    <message>
        <source>Keys of other offices registered here:</source>
        <translation>已在本数据库登记的对方密钥：</translation>
    </message>
    <message>
        <source>The file %1 could not be written (%2).</source>
        <translation>无法写出文件 %1（%2）。</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Type the name of this unit first.</source>
        <translation>请先输入本单位名称。</translation>
    </message>
    <message>
        <source>No person of this ledger belongs to “%1”, so the registration names no one whose reports the key signs. Write the registration file for “%1” all the same?</source>
        <translation>本台账中没有属于“%1”的人员，登记文件中将不列出任何报送人员。仍要为“%1”写出登记文件吗？</translation>
    </message>
    <message>
        <source>Unknown unit</source>
        <translation>单位不在台账中</translation>
    </message>
    <message>
        <source>%1-registration.otk</source>
        <translation>%1-登记.otk</translation>
    </message>
    <message>
        <source>Save the registration file</source>
        <translation>保存登记文件</translation>
    </message>
    <message>
        <source>Registration files (*.otk)</source>
        <translation>登记文件 (*.otk)</translation>
    </message>
    <message>
        <source>the supervision office</source>
        <translation>督查室</translation>
    </message>
    <message>
        <source>each unit</source>
        <translation>各单位</translation>
    </message>
    <message>
        <source>Wrote %1. Give it to %2 and read out this fingerprint by phone: %3</source>
        <translation>已写出 %1。请把它交给%2，并通过电话念出密钥指纹：%3</translation>
    </message>
    <message>
        <source>Registration file written</source>
        <translation>登记文件已写出</translation>
    </message>
    <message>
        <source>Registration file to accept</source>
        <translation>选择要接受的登记文件</translation>
    </message>
    <message>
        <source>“%1” is this database&apos;s own registration file; accept the other office&apos;s file.</source>
        <translation>“%1”是本数据库自己的登记文件；请接受对方的登记文件。</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Registered the key %1 of %2 (%3 persons).</source>
        <translation>已登记%2的密钥 %1（%3 名人员）。</translation>
    </message>
    <message>
        <source>Select the key to revoke in the list first.</source>
        <translation>请先在列表中选择要注销的密钥。</translation>
    </message>
    <message>
        <source>The key %1 is revoked already.</source>
        <translation>密钥 %1 已经注销。</translation>
    </message>
    <message>
        <source>Revoke the key %1 of %2? Files signed with it are refused from now on; to take them in again, accept a registration file of that office again.</source>
        <translation>注销%2的密钥 %1 吗？此后用它签名的文件都将被拒收；如需再次接收，请重新接受对方的登记文件。</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>注销密钥</translation>
    </message>
    <message>
        <source>Revoked the key %1.</source>
        <translation>已注销密钥 %1。</translation>
    </message>
    <message>
        <source>Give this database a new signing key? Do so only when the key was lost or exposed. The files it sends are then refused until the other office has accepted a new registration file from here: export it and read the new fingerprint out by phone.</source>
        <translation>为本数据库换用新的签名密钥吗？仅在原密钥丢失或泄露时这样做。换用后，对方接受本数据库新的登记文件之前，本数据库发出的文件都会被拒收：请导出新的登记文件，并通过电话念出新的密钥指纹。</translation>
    </message>
    <message>
        <source>Use a new key</source>
        <translation>换用新密钥</translation>
    </message>
    <message>
        <source>This database signs with the new key %1 now. Export a new registration file for the other office to accept.</source>
        <translation>本数据库现在用新密钥 %1 签名。请导出新的登记文件交对方接受。</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Export list…</source>
        <translation>导出当前列表…</translation>
    </message>
    <message>
        <source>Write the list as shown (filtered and sorted) to an Excel workbook or CSV</source>
        <translation>把当前显示的列表（按筛选和排序）写成 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>Nothing was deleted: %1</source>
        <translation>未删除任何记录：%1</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>导出当前列表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 rows: %2</source>
        <translation>已导出 %1 行：%2</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Person and period</source>
        <translation>人员与统计期</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>工作记录</translation>
    </message>
    <message>
        <source>Trips</source>
        <translation>外出招商</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This database file is read-only (a read-only drive or no permission to write): you can look at it and make reports; changes are refused.</source>
        <translation>此数据库文件为只读（只读的存储设备或没有写入权限）：可以查看和生成报告，不能修改。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Import a ledger (CSV/Excel)…</source>
        <translation>导入台账(&amp;I)（CSV/Excel）…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Recycle &amp;bin…</source>
        <translation>回收站(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>How to &amp;use…</source>
        <translation>使用说明(&amp;U)…</translation>
    </message>
    <message>
        <source>Where the &amp;data is…</source>
        <translation>数据位置(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Who fills in this ledger on this PC? Enter your name under Settings: it is recorded on every change and printed as 填报人 on the monthly report.</source>
        <translation>谁在本机填写这个台账？请在“设置”中填写您的姓名：每次修改都会记下填报人，月报上也会印出。</translation>
    </message>
    <message>
        <source>Go to Settings</source>
        <translation>去设置</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>supervision office</source>
        <translation>督查室</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>%1 (%2) — OneThird</source>
        <translation>%1（%2）— 三分之一招商台账</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <source>About OneThird</source>
        <translation>关于三分之一招商台账</translation>
    </message>
    <message>
        <source>OneThird %1 — a ledger of leaders&apos; investment promotion effort.</source>
        <translation>三分之一招商台账 %1——记录领导干部招商引资精力投入的台账。</translation>
    </message>
    <message>
        <source>Restore %1 from the recycle bin</source>
        <translation>从回收站恢复 %1</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>OneThird database (*.db)</source>
        <translation>招商台账数据库 (*.db)</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>How to use OneThird</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Official order of units</source>
        <translation>单位排序</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>招商组</translation>
    </message>
    <message>
        <source>Reports list units and groups in this order where the custom is a fixed order, and break ties with it elsewhere. Drag a name, or select it and move it.</source>
        <translation>报告按此顺序列出单位和招商组（按惯例固定排序的表格），其他表格在并列时也按此顺序。拖动名称，或选中后上移、下移。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OrderListWidget</name>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>已保存：%1。</translation>
    </message>
    <message>
        <source>Saved: %1. It lies outside the period shown (%2).</source>
        <translation>已保存：%1。它不在当前显示的时段（%2）内。</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示%1</translation>
    </message>
    <message>
        <source>Deleted: %1. Undo (Ctrl+Z) or the recycle bin brings it back.</source>
        <translation>已删除：%1。按 Ctrl+Z 撤销，或从回收站恢复。</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Group / chain</source>
        <translation>招商组/产业链</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>主要负责同志</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No people yet. Click “New person” to add the leaders whose work is logged.</source>
        <translation>还没有人员。点“添加人员”，添加要登记工作的领导。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>修改人员</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <source>Delete %1 people</source>
        <translation>删除 %1 名人员</translation>
    </message>
    <message>
        <source>the %1 selected people</source>
        <translation>所选的 %1 名人员</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <source>All persons</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>第%1季度</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>修改人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Principal leader (the one-third rule applies)</source>
        <translation>主要负责同志（适用三分之一精力要求）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Group / chain</source>
        <translation>招商组/产业链</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer could not be used: nothing was printed.</source>
        <translation>无法使用打印机，未打印任何内容。</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Edit project</source>
        <translation>修改项目</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>10k CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>10k USD</source>
        <translation>万美元</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Investor</source>
        <translation>投资方</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Contracted amount</source>
        <translation>协议投资额</translation>
    </message>
    <message>
        <source>Responsible leader</source>
        <translation>包联领导</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>落地园区</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目信息</translation>
    </message>
    <message>
        <source>Assessment details</source>
        <translation>考核信息</translation>
    </message>
    <message>
        <source>amount signed (for a capital increase: the increment)</source>
        <translation>签约金额（增资只填增量）</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add stage change</source>
        <translation>添加阶段变更</translation>
    </message>
    <message>
        <source>amount arrived</source>
        <translation>到位金额</translation>
    </message>
    <message>
        <source>Not given: the investor&apos;s origin counts</source>
        <translation>不填：按投资方来源计</translation>
    </message>
    <message>
        <source>Add funds</source>
        <translation>添加到位资金</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段变更记录</translation>
    </message>
    <message>
        <source>Funds arrived</source>
        <translation>到位资金</translation>
    </message>
    <message>
        <source>Funds from</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Kind of funds</source>
        <translation>资金性质</translation>
    </message>
    <message>
        <source>Entries and trips that mention it</source>
        <translation>相关工作记录与外出招商</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>工业</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务业</translation>
    </message>
    <message>
        <source>Agriculture</source>
        <translation>农业</translation>
    </message>
    <message>
        <source>Real estate</source>
        <translation>房地产</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Within the city</source>
        <translation>市内</translation>
    </message>
    <message>
        <source>Elsewhere in the province</source>
        <translation>市外省内</translation>
    </message>
    <message>
        <source>Elsewhere in China</source>
        <translation>国内省外</translation>
    </message>
    <message>
        <source>Abroad</source>
        <translation>境外</translation>
    </message>
    <message>
        <source>Fixed assets</source>
        <translation>固定资产</translation>
    </message>
    <message>
        <source>Working capital</source>
        <translation>流动资金</translation>
    </message>
    <message>
        <source>else the responsible leader&apos;s unit</source>
        <translation>不填则按包联领导所在单位</translation>
    </message>
    <message>
        <source>Left empty: the responsible leader</source>
        <translation>不填则为包联领导</translation>
    </message>
    <message>
        <source>e.g. funded by the government; phase two of an earlier contract</source>
        <translation>如：财政性资金、原合同内二期项目</translation>
    </message>
    <message>
        <source>Project type</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <source>Investor from</source>
        <translation>投资方来源</translation>
    </message>
    <message>
        <source>Credited unit</source>
        <translation>招引单位</translation>
    </message>
    <message>
        <source>First promoter</source>
        <translation>第一引资人</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>工商注册日期</translation>
    </message>
    <message>
        <source>Main works started on</source>
        <translation>主体开工日期</translation>
    </message>
    <message>
        <source>Not credited because</source>
        <translation>不予认定原因</translation>
    </message>
    <message>
        <source>arrived %1 (%2)</source>
        <translation>到位 %1 %2</translation>
    </message>
    <message>
        <source>Confirm amount</source>
        <translation>确认金额</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Investor</source>
        <translation>投资方</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Contracted amount</source>
        <translation>协议投资额</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Funds arrived</source>
        <translation>到位资金</translation>
    </message>
    <message>
        <source>Responsible leader</source>
        <translation>包联领导</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>落地园区</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>No projects here yet. Click “New project” to add one; its stage changes and the funds that arrive are recorded in it.</source>
        <translation>这里还没有项目。点“新建项目”添加，项目的阶段变化和到位资金都记在项目里。</translation>
    </message>
    <message>
        <source>10k CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>10k USD</source>
        <translation>万美元</translation>
    </message>
    <message>
        <source>Add project</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <source>Edit project</source>
        <translation>修改项目</translation>
    </message>
    <message>
        <source>the project %1</source>
        <translation>项目“%1”</translation>
    </message>
    <message>
        <source>Trip %1 to %2</source>
        <translation>%1 外出招商：%2</translation>
    </message>
    <message>
        <source>Add stage change</source>
        <translation>添加阶段变更</translation>
    </message>
    <message>
        <source>Add funds</source>
        <translation>添加到位资金</translation>
    </message>
    <message>
        <source>Delete project</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Delete %1 projects</source>
        <translation>删除 %1 个项目</translation>
    </message>
    <message>
        <source>the %1 selected projects</source>
        <translation>所选的 %1 个项目</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Monthly report (one person)</source>
        <translation>个人月报</translation>
    </message>
    <message>
        <source>City circular</source>
        <translation>汇总通报</translation>
    </message>
    <message>
        <source>Project pipeline</source>
        <translation>项目推进情况</translation>
    </message>
    <message>
        <source>Promotion trips form</source>
        <translation>外出招商情况上报表</translation>
    </message>
    <message>
        <source>No assessment scheme is held yet: set one first in Settings › Assessment scheme.</source>
        <translation>还没有考核方案：请先在“设置 › 考核方案”中导入或设置考核方案。</translation>
    </message>
    <message>
        <source>by person</source>
        <translation>按人员</translation>
    </message>
    <message>
        <source>by unit</source>
        <translation>按单位</translation>
    </message>
    <message>
        <source>by group</source>
        <translation>按招商组</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Assessment results</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <source>Everyone&apos;s monthly reports…</source>
        <translation>全部人员月报…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open the file when written</source>
        <translation>生成后打开文件</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>A monthly report needs a month: choose Month as the period.</source>
        <translation>个人月报按月编制：请在上方统计期选择“月度”。</translation>
    </message>
    <message>
        <source>Choose a person at the top for the monthly report.</source>
        <translation>请在上方选择要编制月报的人员。</translation>
    </message>
    <message>
        <source>circular</source>
        <translation>汇总通报</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>项目推进</translation>
    </message>
    <message>
        <source>trips-form</source>
        <translation>外出招商情况上报表</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Choose a month</source>
        <translation>请选择月份</translation>
    </message>
    <message>
        <source>Folder for the reports</source>
        <translation>选择保存月报的文件夹</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已生成：%1</translation>
    </message>
    <message>
        <source>%1 files in %2</source>
        <translation>%1 个文件，位于 %2</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>未能生成</translation>
    </message>
</context>
<context>
    <name>SchemeDialog</name>
    <message>
        <source>Assessment scheme</source>
        <translation>考核方案</translation>
    </message>
    <message>
        <source>No assessment scheme is held yet. Import the scheme&apos;s file (JSON, as the office publishes it) with “Import scheme…”.</source>
        <translation>还没有考核方案。请用“导入方案…”导入考核方案文件（JSON，由督查室发布）。</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>考核对象</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <source>Weight, target, points and cap are numbers above 0; an empty cell leaves the parameter out. Changes are saved with OK and can be undone (Ctrl+Z).</source>
        <translation>权重、目标、分值、上限须为大于 0 的数；单元格留空即不用该参数。按“确定”保存，可撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>Import scheme…</source>
        <translation>导入方案…</translation>
    </message>
    <message>
        <source>Export scheme…</source>
        <translation>导出方案…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>by unit</source>
        <translation>按单位</translation>
    </message>
    <message>
        <source>by person</source>
        <translation>按人员</translation>
    </message>
    <message>
        <source>Import an assessment scheme</source>
        <translation>导入考核方案</translation>
    </message>
    <message>
        <source>Assessment schemes (*.json)</source>
        <translation>考核方案 (*.json)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>%1 is not an assessment scheme file: %2</source>
        <translation>%1 不是考核方案文件：%2</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>考核方案</translation>
    </message>
    <message>
        <source>Export the assessment scheme</source>
        <translation>导出考核方案</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>未写入</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>SchemeItemsTableModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>考核项目</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>计分方法</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Targets by unit</source>
        <translation>各单位目标</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>比例计分</translation>
    </message>
    <message>
        <source>Points each</source>
        <translation>按个计分</translation>
    </message>
    <message>
        <source>Efficacy coefficient</source>
        <translation>功效系数法</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>加分</translation>
    </message>
    <message>
        <source>Double-click or type to change; empty: not used</source>
        <translation>双击或直接输入即可修改；留空即不用该参数</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Promotion work on weekends and holidays counts</source>
        <translation>周末和节假日的招商工作计入</translation>
    </message>
    <message>
        <source>day </source>
        <translation>次月 </translation>
    </message>
    <message>
        <source> of the next month</source>
        <translation> 日前</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>your name: recorded on what you enter</source>
        <translation>您的姓名：记在您录入的内容上</translation>
    </message>
    <message>
        <source>phone (optional)</source>
        <translation>电话（可不填）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>As its use says (office once it has taken in reports)</source>
        <translation>按使用情况（接收过报送即为督查室）</translation>
    </message>
    <message>
        <source>A unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>The supervision office</source>
        <translation>督查室</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>Backups and restore…</source>
        <translation>备份与恢复…</translation>
    </message>
    <message>
        <source>Load a holiday arrangement file…</source>
        <translation>导入节假日安排文件…</translation>
    </message>
    <message>
        <source>Public holidays…</source>
        <translation>节假日安排…</translation>
    </message>
    <message>
        <source>Official order of units…</source>
        <translation>单位排序…</translation>
    </message>
    <message>
        <source>Signing keys and registration…</source>
        <translation>签名密钥与登记…</translation>
    </message>
    <message>
        <source>Assessment scheme…</source>
        <translation>考核方案…</translation>
    </message>
    <message>
        <source>The scheme the assessment results on the reports page are scored by.</source>
        <translation>“报告”页的考核结果按此方案计分。</translation>
    </message>
    <message>
        <source>Export the file for the units…</source>
        <translation>导出下发文件…</translation>
    </message>
    <message>
        <source>The holiday arrangements entered here (this year and later) and the official order of units, signed, for the units to take in on their submissions page.</source>
        <translation>本数据库录入的节假日安排（今年及以后）和单位排序，签名后写成文件，供各单位在“报送”页接收。</translation>
    </message>
    <message>
        <source>Target share</source>
        <translation>目标占比</translation>
    </message>
    <message>
        <source>Hours per working day</source>
        <translation>每个工作日小时数</translation>
    </message>
    <message>
        <source>Reports due by</source>
        <translation>月报报送截止</translation>
    </message>
    <message>
        <source>Filled in by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>This database is</source>
        <translation>本数据库属于</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Report files</source>
        <translation>报送文件</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <source>none (built-in calendar)</source>
        <translation>无（使用内置日历）</translation>
    </message>
    <message>
        <source>years: %1</source>
        <translation>年份：%1</translation>
    </message>
    <message>
        <source>Entered in this program: %1</source>
        <translation>本程序录入：%1</translation>
    </message>
    <message>
        <source>Enter the public holidays of %1</source>
        <translation>录入 %1 年节假日安排</translation>
    </message>
    <message>
        <source>Remove the public holidays entered for %1</source>
        <translation>删除录入的 %1 年节假日安排</translation>
    </message>
    <message>
        <source>Set the official order of units</source>
        <translation>设置单位排序</translation>
    </message>
    <message>
        <source>Set the assessment scheme</source>
        <translation>设置考核方案</translation>
    </message>
    <message>
        <source>Change the assessment scheme</source>
        <translation>修改考核方案</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Enter your name (at most 50 characters): it is recorded on every change.</source>
        <translation>请填写您的姓名（最多 50 个字）：每次修改都会记下。</translation>
    </message>
    <message>
        <source>From now on what you enter is recorded as filled in by %1.</source>
        <translation>此后录入的内容记为由 %1 填报。</translation>
    </message>
    <message>
        <source>%1-for-the-units.otc</source>
        <translation>%1-下发各单位.otc</translation>
    </message>
    <message>
        <source>Save the file for the units</source>
        <translation>保存下发文件</translation>
    </message>
    <message>
        <source>Calendar files (*.otc)</source>
        <translation>下发文件 (*.otc)</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>未写出</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Wrote %1 (holiday years: %2; units in the order: %3; assessment scheme: %4). Each unit takes it in on its submissions page.</source>
        <translation>已写出 %1（节假日安排年份：%2；单位排序中的单位：%3 个；考核方案：%4）。请各单位在“报送”页接收。</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Holiday arrangement file</source>
        <translation>节假日安排文件</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>ShareBar</name>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Restore the newest backup</source>
        <translation>从最近的备份恢复</translation>
    </message>
    <message>
        <source>Start an empty database</source>
        <translation>新建空数据库</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>It is held by %1.</source>
        <translation>占用者：%1。</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
    <message>
        <source>This database is in use by %1. Close it, then start again.</source>
        <translation>此数据库正由%1使用。请先关闭它，再重新打开。</translation>
    </message>
    <message>
        <source>(no log file could be written)</source>
        <translation>（无法写入日志文件）</translation>
    </message>
    <message>
        <source>Updating the database for this version of the program (only this once). Please wait…</source>
        <translation>正在为新版本升级数据库（只需这一次），请稍候…</translation>
    </message>
    <message>
        <source>Something went wrong: %1

What was saved is safe. Details are in the log:
%2</source>
        <translation>程序出错：%1

已保存的数据不受影响。详细信息见日志：
%2</translation>
    </message>
</context>
<context>
    <name>SubmissionsPage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>报送次数</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Submit this month…</source>
        <translation>报送本月…</translation>
    </message>
    <message>
        <source>Take in report files…</source>
        <translation>接收报送文件…</translation>
    </message>
    <message>
        <source>Return with an opinion…</source>
        <translation>退回并提出意见…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Values to check…</source>
        <translation>待核对…</translation>
    </message>
    <message>
        <source>Open the submitted PDF</source>
        <translation>查看报送的月报</translation>
    </message>
    <message>
        <source>Print the board…</source>
        <translation>打印看板…</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Persons submitted</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>By person</source>
        <translation>按人员</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>按单位</translation>
    </message>
    <message>
        <source>No people yet: add them on the People page.</source>
        <translation>还没有人员：请先在“人员”页添加。</translation>
    </message>
    <message>
        <source>Values to check (%1)…</source>
        <translation>待核对（%1 项）…</translation>
    </message>
    <message>
        <source>Reports are submitted per month: choose Month as the period. Drop report files here to take them in.</source>
        <translation>月报按月报送：请在上方统计期选择“月度”。可以把报送文件拖到这里接收。</translation>
    </message>
    <message>
        <source>Deadline: day %1 of the next month. Yellow: due within 3 days; red: overdue. Drop report files here to take them in.</source>
        <translation>报送截止：次月 %1 日。黄色：3 天内到期；红色：已逾期。可以把报送文件拖到这里接收。</translation>
    </message>
    <message>
        <source>Submitted %1/%2 · accepted %3 · returned %4 · not submitted %5</source>
        <translation>已报送 %1/%2 · 已审核 %3 · 已退回 %4 · 未报送 %5</translation>
    </message>
    <message>
        <source>Monthly reports of %1</source>
        <translation>%1月报报送情况</translation>
    </message>
    <message>
        <source>Select a person&apos;s row first.</source>
        <translation>请先选择一个人员的行。</translation>
    </message>
    <message>
        <source>Accept %1</source>
        <translation>采用 %1</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>保持 %1</translation>
    </message>
    <message>
        <source>Submit the report of %1 for %2? The month becomes read-only until the supervision office returns it.</source>
        <translation>报送%1 %2的月报？报送后该月只读，直至督查室退回。</translation>
    </message>
    <message>
        <source>Submit the month</source>
        <translation>报送本月</translation>
    </message>
    <message>
        <source>Save the report file</source>
        <translation>保存报送文件</translation>
    </message>
    <message>
        <source>Report files (*.otr)</source>
        <translation>报送文件 (*.otr)</translation>
    </message>
    <message>
        <source>Submitted; the file is %1. The month is now read-only.</source>
        <translation>已报送，文件为 %1。本月记录现为只读。</translation>
    </message>
    <message>
        <source>Accept the report of %1 for %2? A newer submission of that month is then refused until the month is returned.</source>
        <translation>审核通过 %1 %2的月报吗？通过后，该月再报送的新版本将被拒收，除非先退回。</translation>
    </message>
    <message>
        <source>Accept the report</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Return with an opinion</source>
        <translation>退回并提出意见</translation>
    </message>
    <message>
        <source>Opinion for %1</source>
        <translation>对 %1 的审核意见</translation>
    </message>
    <message>
        <source>Return the report of %1 for %2 with this opinion? Once the unit takes the return file in, the month can be changed there and submitted again.</source>
        <translation>按此意见退回 %1 %2的月报吗？单位接收退回文件后，可以修改该月并重新报送。</translation>
    </message>
    <message>
        <source>Return the report</source>
        <translation>退回月报</translation>
    </message>
    <message>
        <source>Accepted.</source>
        <translation>已审核通过。</translation>
    </message>
    <message>
        <source>Save the return file for the unit</source>
        <translation>保存发给单位的退回文件</translation>
    </message>
    <message>
        <source>Return files (*.otv)</source>
        <translation>退回文件 (*.otv)</translation>
    </message>
    <message>
        <source>The month is returned, but its file could not be written (%1). Select the row and press Return with an opinion… again to save the file.</source>
        <translation>该月已退回，但退回文件未能写出（%1）。请选中该行，再按“退回并提出意见…”保存文件。</translation>
    </message>
    <message>
        <source>Returned; give the unit the file %1.</source>
        <translation>已退回，请把文件 %1 发给该单位。</translation>
    </message>
    <message>
        <source>Report files to take in</source>
        <translation>选择要接收的报送文件</translation>
    </message>
    <message>
        <source>Report, return and calendar files (*.otr *.otv *.otc)</source>
        <translation>报送、退回和节假日安排文件 (*.otr *.otv *.otc)</translation>
    </message>
    <message>
        <source>Showing %1.</source>
        <translation>已显示%1。</translation>
    </message>
    <message>
        <source>Some files were refused</source>
        <translation>有文件未被接收</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>删除人</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Deleted records stay here until put back.</source>
        <translation>删除的记录保留在这里，可以恢复。</translation>
    </message>
    <message>
        <source>The recycle bin is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>Select the record to put back in the list first.</source>
        <translation>请先在列表中选中要恢复的记录。</translation>
    </message>
    <message>
        <source>Put back: %1</source>
        <translation>已恢复：%1</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>工作记录</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>外出招商</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>TripDialog</name>
    <message>
        <source>Edit trip</source>
        <translation>修改外出招商</translation>
    </message>
    <message>
        <source>New trip</source>
        <translation>新建外出招商</translation>
    </message>
    <message>
        <source>leaves at noon (half day)</source>
        <translation>中午出发（半天）</translation>
    </message>
    <message>
        <source>back at noon (half day)</source>
        <translation>中午返回（半天）</translation>
    </message>
    <message>
        <source>e.g. Chongqing, Zhengzhou</source>
        <translation>如：重庆、河南郑州</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact&apos;s title</source>
        <translation>联系人职务</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队领导</translation>
    </message>
    <message>
        <source>Companions</source>
        <translation>同行人员</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Companies visited</source>
        <translation>走访企业</translation>
    </message>
    <message>
        <source>Projects discussed</source>
        <translation>洽谈项目</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成效</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>共 %1 天</translation>
    </message>
    <message>
        <source>%1 day</source>
        <translation>共 %1 天</translation>
    </message>
</context>
<context>
    <name>TripsPage</name>
    <message>
        <source>From</source>
        <translation>出发</translation>
    </message>
    <message>
        <source>To</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Travellers</source>
        <translation>出行人员</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Companies visited</source>
        <translation>走访企业</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成效</translation>
    </message>
    <message>
        <source>New trip</source>
        <translation>新建外出招商</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>No promotion trips in this period. Click “New trip” to record one: each traveller gets the day entries of the trip.</source>
        <translation>这段时间没有外出招商。点“新建外出招商”登记一次外出，每位出行人都会得到这几天的工作记录。</translation>
    </message>
    <message>
        <source>Add trip</source>
        <translation>添加外出招商</translation>
    </message>
    <message>
        <source>Edit trip</source>
        <translation>修改外出招商</translation>
    </message>
    <message>
        <source>the trip of %1 to %2</source>
        <translation>%1 至 %2 的外出招商</translation>
    </message>
    <message>
        <source>Delete trip</source>
        <translation>删除外出招商</translation>
    </message>
    <message>
        <source>Delete %1 trips</source>
        <translation>删除 %1 次外出招商</translation>
    </message>
    <message>
        <source>the %1 selected trips</source>
        <translation>所选的 %1 次外出招商</translation>
    </message>
    <message>
        <source>Promotion trips</source>
        <translation>外出招商</translation>
    </message>
</context>
<context>
    <name>WorkCalendarWidget</name>
    <message>
        <source>Make-up workday</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
</context>
</TS>
