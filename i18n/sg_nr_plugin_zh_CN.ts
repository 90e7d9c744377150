<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>@default</name>
    <message>
      <location filename="../sg_nr_plugin/processing/provider.py" line="21" />
      <source>Shaoguan Natural Resources</source>
      <translation>韶关自然资源</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/plugin.py" line="49" />
      <source>Processing algorithms…</source>
      <translation>处理工具…</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/provider.py" line="24" />
      <source>Shaoguan Natural Resources (三调 statistics and project checks)</source>
      <translation>韶关自然资源（三调统计与项目核查）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/errors.py" line="22" />
      <source>Layer “{layer}” lacks the required field(s): {fields}</source>
      <translation>图层“{layer}”缺少必需字段：{fields}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/errors.py" line="36" />
      <source>Cannot write “{path}”: the file is open in another program (Excel, WPS…) or the folder is not writable. Close it and run again.</source>
      <translation>无法写入“{path}”：文件正被其他程序（Excel、WPS 等）打开，或文件夹不可写。请关闭文件后重新运行。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/errors.py" line="46" />
      <source>Layer “{layer}” has no features.</source>
      <translation>图层“{layer}”没有要素。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/excel.py" line="24" />
      <source>Writing Excel files needs the Python package openpyxl, which this QGIS lacks. Install it (OSGeo4W: python3-openpyxl; Debian: python3-openpyxl) or leave the Excel output empty.</source>
      <translation>写入 Excel 文件需要 Python 包 openpyxl，当前 QGIS 中没有。请安装（OSGeo4W：python3-openpyxl；Debian：python3-openpyxl），或将 Excel 输出留空。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/files.py" line="55" />
      <source>lock file {name} exists</source>
      <translation>存在锁定文件 {name}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkfarmland.py" line="17" />
      <source>Farmland replenishment check</source>
      <translation>补充耕地核查</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="26" />
      <source>Paddy-field reclamation check</source>
      <translation>垦造水田核查</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkmine.py" line="32" />
      <source>Mine restoration check</source>
      <translation>矿山修复核查</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="210" />
      <source>Legacy mine parcels</source>
      <translation>历史遗留矿山图斑</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/minestats.py" line="56" />
      <source>Mining rights</source>
      <translation>采矿权</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkmine.py" line="23" />
      <source>Roads</source>
      <translation>道路</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkmine.py" line="23" />
      <source>Rivers</source>
      <translation>河流</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_config.py" line="54" />
      <source>Planned land-class field</source>
      <translation>规划地类字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkfarmland.py" line="48" />
      <source>Planned quality grade field</source>
      <translation>规划耕地质量等别字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="119" />
      <source>Unit of the declared area</source>
      <translation>申报面积单位</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="120" />
      <source>Detect layers</source>
      <translation>自动识别图层</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="135" />
      <source>Export report…</source>
      <translation>导出报告…</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="148" />
      <source>The algorithm {id} is not available yet.</source>
      <translation>算法 {id} 尚不可用。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="156" />
      <source>Project id field</source>
      <translation>项目编号字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="116" />
      <source>Declared area field</source>
      <translation>申报面积字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="162" />
      <source>Rule set and thresholds</source>
      <translation>规则集与阈值</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="166" />
      <source>Rule sets (*.json)</source>
      <translation>规则集 (*.json)</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="170" />
      <source>Threshold</source>
      <translation>阈值</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="120" />
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="119" />
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="178" />
      <source>Check selected projects</source>
      <translation>核查选中项目</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="180" />
      <source>Check all</source>
      <translation>全部核查</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="182" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="197" />
      <source>All verdicts</source>
      <translation>全部结论</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/findings.py" line="54" />
      <source>Fail</source>
      <translation>不通过</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/findings.py" line="55" />
      <source>Needs fixing</source>
      <translation>需整改</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/findings.py" line="56" />
      <source>Pass</source>
      <translation>通过</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="201" />
      <source>All severities</source>
      <translation>全部级别</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/findings.py" line="61" />
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/findings.py" line="61" />
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/findings.py" line="61" />
      <source>Info</source>
      <translation>提示</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="272" />
      <source>unconfirmed; </source>
      <translation>未确认；</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="286" />
      <source>Threshold “{key}” must be a number.</source>
      <translation>阈值“{key}”必须是数字。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="313" />
      <source>Choose the project parcels layer first.</source>
      <translation>请先选择项目地块图层。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="323" />
      <source>Checking…</source>
      <translation>正在核查…</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="323" />
      <source>The check could not start.</source>
      <translation>核查无法启动。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="335" />
      <source>The check was canceled or failed; no layers were added.
{log}</source>
      <translation>核查已取消或失败，未添加任何图层。
{log}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="344" />
      <source>{n} projects checked.</source>
      <translation>已核查 {n} 个项目。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="146" />
      <source>Findings</source>
      <translation>核查问题</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="148" />
      <source>Checked projects</source>
      <translation>核查项目</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="394" />
      <source>Export report</source>
      <translation>导出报告</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="79" />
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="394" />
      <source>Report written. Open it now?</source>
      <translation>报告已写出。现在打开吗？</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/results_model.py" line="70" />
      <source>Project / rule</source>
      <translation>项目 / 规则</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/results_model.py" line="70" />
      <source>Verdict / severity</source>
      <translation>结论 / 级别</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/results_model.py" line="70" />
      <source>Area (mu)</source>
      <translation>面积（亩）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/results_model.py" line="70" />
      <source>Area (m²)</source>
      <translation>面积（平方米）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/results_model.py" line="70" />
      <source>Message</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="81" />
      <source>Project parcels</source>
      <translation>项目地块</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="63" />
      <source>Land-survey parcels (DLTB)</source>
      <translation>地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="64" />
      <source>Ecological protection red line</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="65" />
      <source>Protected areas</source>
      <translation>自然保护地</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="66" />
      <source>Public-welfare forest</source>
      <translation>公益林</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="67" />
      <source>Urban development boundary</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="68" />
      <source>Permanent basic farmland</source>
      <translation>永久基本农田</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="69" />
      <source>No-cultivation steep-slope areas</source>
      <translation>禁止开垦陡坡地范围</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="70" />
      <source>Digital elevation model (DEM)</source>
      <translation>数字高程模型（DEM）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="71" />
      <source>Geological hazard points</source>
      <translation>地质灾害隐患点</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="72" />
      <source>Filed projects</source>
      <translation>已备案项目</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="42" />
      <source>Project checks</source>
      <translation>项目核查</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="113" />
      <source>Project id field (empty: 项目编号/XMBH/XMMC)</source>
      <translation>项目编号字段（留空：自动识别 项目编号/XMBH/XMMC）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="128" />
      <source>Protected-area zone field</source>
      <translation>自然保护地功能分区字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="137" />
      <source>Check date (empty: today)</source>
      <translation>核查日期（留空：今天）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="140" />
      <source>Rule set file (empty: built-in Guangdong defaults)</source>
      <translation>规则集文件（留空：内置广东省默认规则）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="143" />
      <source>Only the selected projects</source>
      <translation>仅核查选中的项目</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="150" />
      <source>Excel report</source>
      <translation>Excel 报告</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="165" />
      <source>The project parcels layer is missing or cannot be read.</source>
      <translation>项目地块图层缺失或无法读取。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="168" />
      <source>Layer “{layer}” has no coordinate reference system.</source>
      <translation>图层“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="213" />
      <source>No project id field (项目编号/XMBH/XMMC) was found: each parcel is checked as a project of its own.</source>
      <translation>未找到项目编号字段（项目编号/XMBH/XMMC）：每个地块作为单独的项目核查。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="233" />
      <source>Rule {rule} not checked: {reason}</source>
      <translation>规则 {rule} 未核查：{reason}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="252" />
      <source>The check was canceled; no results were written.</source>
      <translation>核查已取消，未写出任何结果。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/landusesummary.py" line="36" />
      <source>Land-use status area summary</source>
      <translation>土地利用现状分类面积汇总表</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/landusesummary.py" line="39" />
      <source>Sums the land-use status parcels (DLTB) by region and land class, as in the official 三调 summary table.

Class areas are the net areas TBDLMJ (TBMJ − KCMJ where TBDLMJ is empty); the deducted field ridges ΣKCMJ form their own row 1203 田坎, so for every region the classes plus 田坎 add up to ΣTBMJ, the control area. Codes with the suffix K are counted with their base class unless 'Keep K codes apart' is ticked. Empty or unknown codes are never dropped: they form an 'unrecognised' row with their parcel count.

Regions: the region level cuts the location code ZLDWDM (county = first 6 characters, township = 9, village = 12); a region polygon layer, when given, assigns each parcel to the polygon holding its interior point instead.

When DLTB is a GeoPackage or PostGIS table (not a selection) the sums are computed inside the database, which is much faster on a million parcels; the result is the same.

Outputs: a table with region_code, region_name, dlbm, dlmc, area (in the chosen unit) and the parcel count; optionally an Excel workbook in the official layout (regions as rows, first- and second-level classes as column headers, totals) with a sheet naming the data sources and the area method.</source>
      <translation>按行政区和地类汇总地类图斑（DLTB）面积，格式同三调官方汇总表。

地类面积取图斑地类面积 TBDLMJ（TBDLMJ 为空时取 TBMJ − KCMJ）；扣除的田坎面积 ΣKCMJ 单列为 1203 田坎，因此每个行政区的各地类面积加田坎面积等于 ΣTBMJ（控制面积）。带 K 后缀的地类编码并入其基础地类，勾选“K 类地类单列”时单独列出。空的或无法识别的地类编码不会被丢弃：单列为“未识别”行并给出图斑数。

行政区：按统计级别截取坐落单位代码 ZLDWDM（县级取前 6 位，乡镇级 9 位，村级 12 位）；如提供行政区面图层，则按图斑内点所在的行政区面归属。

DLTB 为 GeoPackage 或 PostGIS 表（且未只选部分要素）时，汇总在数据库内完成，百万图斑时快得多，结果相同。

输出：包含 region_code、region_name、dlbm、dlmc、area（所选单位）和图斑数的统计表；可选输出官方格式的 Excel 工作簿（行政区为行，一级、二级地类为合并表头，含合计），并附一页说明数据来源和面积计算方法。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="75" />
      <source>Land-use status parcels (DLTB)</source>
      <translation>地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/landusesummary.py" line="63" />
      <source>Keep K codes apart from their base class</source>
      <translation>K 类地类（可调整）单列，不并入基础地类</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="149" />
      <source>Land-use summary</source>
      <translation>土地利用现状汇总</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/landusesummary.py" line="76" />
      <source>Sums computed inside the database (SQL).</source>
      <translation>已在数据库内（SQL）完成汇总。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="54" />
      <source>Export project coordinate files</source>
      <translation>导出报部坐标文件</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="83" />
      <source>Project id field (one file per project)</source>
      <translation>项目编号字段（每个项目一个文件）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="84" />
      <source>Parcel number field</source>
      <translation>地块编号字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="84" />
      <source>Name field</source>
      <translation>名称字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="85" />
      <source>Land class field</source>
      <translation>地类编码字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="85" />
      <source>Use field</source>
      <translation>用途字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="89" />
      <source>Files</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="89" />
      <source>One file per project</source>
      <translation>每个项目一个文件</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="89" />
      <source>One file with all parcels</source>
      <translation>所有地块一个文件</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="92" />
      <source>File name (one file, or parcels without a project id)</source>
      <translation>文件名（单个文件，或没有项目编号的地块）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="95" />
      <source>Producer (数据产生单位)</source>
      <translation>数据产生单位</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="97" />
      <source>Date (数据产生日期, empty for today)</source>
      <translation>数据产生日期（为空时取当天）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="99" />
      <source>Y with the zone prefix</source>
      <translation>Y 坐标带带号前缀</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="101" />
      <source>Encoding</source>
      <translation>编码</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="103" />
      <source>Output folder</source>
      <translation>输出文件夹</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="105" />
      <source>Files written</source>
      <translation>已写出的文件</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="106" />
      <source>Parcels written</source>
      <translation>已写出的地块数</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="119" />
      <source>Writing coordinates in {crs}.</source>
      <translation>坐标写入坐标系 {crs}。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="136" />
      <source>{parcels} parcel(s) written to {files} file(s) in {folder}.</source>
      <translation>已将 {parcels} 个地块写入 {folder} 中的 {files} 个文件。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="162" />
      <source>Feature {fid} has no polygon geometry; skipped.</source>
      <translation>要素 {fid} 没有面几何；已跳过。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="172" />
      <source>No feature with a polygon geometry to export.</source>
      <translation>没有可导出的面要素。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="179" />
      <source>{file}: parcel number {parcel} is used {count} times; the monitoring system rejects duplicates.</source>
      <translation>{file}：地块编号 {parcel} 使用了 {count} 次；监管系统不接受重复编号。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="30" />
      <source>Land-class change matrix</source>
      <translation>地类转移矩阵</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="33" />
      <source>Cross-tabulates two vintages of the land-use status parcels (DLTB): for every region, the area that was class A in the base vintage and is class B in the current one.

Class level: second-level classes (DLBM; K codes with their base class), first-level classes, or the three major categories (agricultural, construction, unused land). The area of new construction land (not construction in the base, construction now) is what the plan indicator 'new construction land' reports.

The two vintages are intersected tile by tile, so a million parcels never sit in memory together; areas are ellipsoidal on the CGCS2000 ellipsoid (gross, like TBMJ). Current land the base vintage does not cover appears with the source class NONE. The region of a piece is the region of the current parcel (ZLDWDM at the chosen level, or a region polygon layer).

Output rows: region_code, region_name, from_class, to_class (with their names) and area in the chosen unit; optionally an Excel workbook with one matrix per region.</source>
      <translation>对两期地类图斑（DLTB）做交叉统计：按行政区给出基期为 A 类、现状为 B 类的面积。

地类级别：二级地类（DLBM，K 类并入基础地类）、一级地类，或三大类（农用地、建设用地、未利用地）。新增建设用地（基期非建设用地、现状为建设用地）的面积即规划指标“新增建设用地规模”。

两期数据按分块逐块求交，百万图斑也不会同时载入内存；面积按 CGCS2000 椭球计算（毛面积，同 TBMJ）。基期未覆盖的现状用地以来源地类 NONE 列出。相交碎片的行政区取现状图斑的行政区（按所选级别截取 ZLDWDM，或按行政区面图层）。

输出行：region_code、region_name、from_class、to_class（含地类名称）及所选单位的面积；可选输出每个行政区一张矩阵的 Excel 工作簿。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="50" />
      <source>Base vintage DLTB</source>
      <translation>基期地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="52" />
      <source>Current vintage DLTB</source>
      <translation>现状地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="54" />
      <source>Class level</source>
      <translation>地类级别</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="54" />
      <source>Second-level classes</source>
      <translation>二级地类</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="54" />
      <source>First-level classes</source>
      <translation>一级地类</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="54" />
      <source>Three major categories</source>
      <translation>三大类</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="77" />
      <source>Change matrix</source>
      <translation>地类转移矩阵</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkfarmland.py" line="20" />
      <source>Checks farmland replenishment (new cultivated land) projects before filing.

Each project is the union of its parcels in PROJECTS (grouped by the project id field). It is overlaid on the land survey (DLTB) and the control layers, and judged by the rule set (built-in Guangdong defaults, or a JSON file).

Rules: geometry (invalid, overlapping or sliver parcels), outside_survey (parts not covered by DLTB), duplicate_project (overlap with another project of the layer or with FILED_PROJECTS), area_mismatch (declared vs measured area), eco_redline, protected_area, public_forest (errors), urban_boundary (warning: unstable land), existing_cultivated (already cultivated: no gain, area net of field ridges), source_class (water, wetland and transport land cannot become cultivated land), steep_slope (steeper than 25°: from the steep-slope layer, the DEM, or GDPDJB grade 5). A rule whose layer is not given is reported as not checked, never as passed.

Verdict per project: fail (any error), needs fixing (warnings only), pass. Quotas: new cultivated area (eligible non-cultivated source land minus every conflict, each piece counted once), new paddy area (parts whose planned class is 0101), upgrade area (already cultivated), areas by source class, and the area-weighted quality grade, in m² and mu.

All areas are ellipsoidal (CGCS2000). Outputs: a findings layer with the conflict geometry, a projects layer with verdicts and quotas, and an optional Excel report.</source>
      <translation>补充耕地项目备案前核查（新增耕地）。

每个项目是 PROJECTS 图层中同一项目编号的全部地块的并集。项目与三调地类图斑（DLTB）和各管控图层叠加，按规则集（内置广东省默认规则，或用户提供的 JSON 文件）判定。

规则：geometry（几何无效、地块相互重叠、狭长或过小地块），outside_survey（不在地类图斑覆盖范围内的部分），duplicate_project（与本图层其他项目或已备案项目 FILED_PROJECTS 重叠），area_mismatch（申报面积与实测面积不符），eco_redline、protected_area、public_forest（错误），urban_boundary（警告：不稳定耕地），existing_cultivated（现状已是耕地：无新增，面积扣除田坎），source_class（水域、湿地和交通用地不能作为新增耕地来源），steep_slope（坡度大于25°：来自陡坡地图层、DEM 或耕地坡度级别 GDPDJB 为 5）。未提供图层的规则报告为“未核查”，绝不视为通过。

项目结论：不通过（有任一错误）、需整改（仅有警告）、通过。指标：新增耕地面积（可用的非耕地来源地扣除所有冲突，每块只计一次）、新增水田面积（规划地类为 0101 的部分）、提质改造面积（现状耕地）、各来源地类面积，以及面积加权的耕地质量等别，单位为平方米和亩。

所有面积均为椭球面积（CGCS2000）。输出：含冲突几何的问题图层、含结论与指标的项目图层，以及可选的 Excel 报告。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkfarmland.py" line="45" />
      <source>Planned land-class field (0101 = new paddy)</source>
      <translation>规划地类字段（0101 = 新增水田）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="44" />
      <source>Project coordinate files</source>
      <translation>报部坐标文件</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="51" />
      <source>Import project coordinate files</source>
      <translation>导入报部坐标文件</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="79" />
      <source>Coordinate files (.txt)</source>
      <translation>坐标文件（.txt）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="81" />
      <source>Folder of coordinate files</source>
      <translation>坐标文件所在文件夹</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="84" />
      <source>Override coordinate reference system</source>
      <translation>覆盖坐标参考系</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="86" />
      <source>Area tolerance (%)</source>
      <translation>面积容差（%）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="22" />
      <source>Parcels</source>
      <translation>地块</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="91" />
      <source>Validation report</source>
      <translation>检查报告</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="102" />
      <source>No coordinate files given: choose files or a folder.</source>
      <translation>未指定坐标文件：请选择文件或文件夹。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="119" />
      <source>No parcel could be imported; see the messages above.</source>
      <translation>没有可导入的地块；请查看上面的提示信息。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="133" />
      <source>{parcels} parcel(s) imported from {files} file(s); {skipped} skipped; {errors} error(s), {warnings} warning(s).</source>
      <translation>从 {files} 个文件导入 {parcels} 个地块；跳过 {skipped} 个；错误 {errors} 个，警告 {warnings} 个。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="32" />
      <source>Permanent basic farmland (optional)</source>
      <translation>永久基本农田（可选）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="33" />
      <source>Ecological protection red line (optional)</source>
      <translation>生态保护红线（可选）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="34" />
      <source>Protected areas (optional)</source>
      <translation>自然保护地（可选）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="35" />
      <source>Urban renewal (三旧改造) completed (optional)</source>
      <translation>“三旧”改造完成范围（可选）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="36" />
      <source>New afforestation and ecological restoration (optional)</source>
      <translation>新增造林和生态修复（可选）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="45" />
      <source>Plan main indicators (Table 1)</source>
      <translation>规划主要指标统计（表1）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="48" />
      <source>Computes the main indicators of the Shaoguan 14th five-year natural-resources plan (Table 1) from the land-use status parcels (DLTB) and the optional layers, by region and for the whole area, and compares the whole-area values with the 2020 baselines and 2025 targets.

From DLTB alone: cultivated land retained (ΣTBDLMJ of 0101/0102/0103), forest coverage (estimate on the 三调 basis: forest classes / total land × 100), wetland retained and total construction land, each from a named class set written into the output. With a base-vintage DLTB: new construction land (not construction then, construction now). With the optional layers: permanent basic farmland (net of field ridges), ecological red line, protected areas, new afforestation and restoration, urban renewal completed (dissolved: overlapping polygons count once; within the DLTB coverage) and the share of mining rights flagged as green mines (whole area only).

An indicator whose input is missing is reported as 未计算 (not computed) with the reason, never as 0. Status: 达标 (target met), 未达标 (not met), 无目标 (no numeric target: provincial task, or a region row).

Targets: a JSON file with the same structure as the bundled indicators.json replaces the plan's baselines, targets and class sets. Values are in the units of Table 1 (万亩, km², %, 亩), whatever the area unit parameter says.

Outputs: a table (region_code, region_name, indicator_id, indicator, unit, value, baseline_2020, target_2025, kind, status, reason, definition) and optionally an Excel workbook in the layout of Table 1 with one sheet per indicator by region and bar charts by region.</source>
      <translation>根据地类图斑（DLTB）和可选图层，按行政区及全域计算《韶关市自然资源保护与开发“十四五”规划》主要指标（表1），并将全域数值与 2020 年基期值和 2025 年目标值比较。

仅需 DLTB：耕地保有量（0101/0102/0103 的 ΣTBDLMJ）、森林覆盖率（三调口径估算：林地类 / 土地总面积 × 100）、湿地保有量和建设用地总规模，各自所用的地类集合写入输出。提供基期 DLTB 时：新增建设用地规模（基期非建设用地、现状为建设用地）。提供可选图层时：永久基本农田保护面积（扣除田坎）、生态保护红线面积、自然保护地面积、新增造林和生态修复面积、“三旧”改造完成面积（均为融合面积：重叠部分只计一次；限于 DLTB 范围内），以及标记为绿色矿山的采矿权占比（仅全域）。

缺少输入的指标报告为“未计算”并说明原因，绝不以 0 代替。达标情况：达标、未达标、无目标（无数值目标：省下达任务，或行政区行）。

目标值：与插件自带 indicators.json 结构相同的 JSON 文件可替换规划的基期值、目标值和地类集合。数值采用表1 的单位（万亩、km²、%、亩），与面积单位参数无关。

输出：统计表（region_code、region_name、indicator_id、indicator、unit、value、baseline_2020、target_2025、kind、status、reason、definition），以及可选的 Excel 工作簿：表1 格式总表，每个指标一页分行政区明细，并附分行政区柱状图。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="77" />
      <source>Base-vintage DLTB (optional, for new construction land)</source>
      <translation>基期地类图斑 DLTB（可选，用于新增建设用地）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="83" />
      <source>Mining rights (optional, for green mines)</source>
      <translation>采矿权（可选，用于绿色矿山指标）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="86" />
      <source>Indicator definitions and targets (JSON, optional)</source>
      <translation>指标定义与目标值（JSON，可选）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="90" />
      <source>Plan indicators</source>
      <translation>规划指标</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="37" />
      <source>Overlay area statistics</source>
      <translation>叠加面积统计</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="40" />
      <source>How much of the input parcels lies inside an overlay layer, per region — for example cultivated land inside the ecological protection red line, by county.

Input filter: an expression choosing the parcels (e.g. "DLBM" LIKE '01%' for cultivated land). Overlay filter: an expression choosing the overlay features.

The overlay is dissolved under each parcel, so where overlay polygons overlap the area is counted once. Areas are ellipsoidal on the CGCS2000 ellipsoid, whatever the project settings. Area mode 'gross' measures the parcel pieces; 'net' gives each parcel its net class area TBDLMJ in proportion to the share of the parcel inside the overlay (field ridges excluded).

Regions: by the location code ZLDWDM at the chosen level, or by a region polygon layer holding each parcel's interior point.

Output rows: region_code, region_name, area_input, area_inside (in the chosen unit), share_pct (percent of the input inside the overlay) and the parcel count; optionally an Excel workbook with the same table and a sheet naming the sources.</source>
      <translation>按行政区统计输入图斑落在叠加图层内的面积，例如各县生态保护红线内的耕地面积。

统计对象筛选：选择图斑的表达式（如耕地用 "DLBM" LIKE '01%'）。叠加图层筛选：选择叠加要素的表达式。

叠加图层在每个图斑下先融合，叠加面相互重叠之处面积只计一次。面积一律按 CGCS2000 椭球计算，与工程设置无关。面积口径“毛面积”量算图斑被叠加部分的面积；“净面积”按图斑落在叠加区内的比例分摊其图斑地类面积 TBDLMJ（不含田坎）。

行政区：按所选级别截取坐落单位代码 ZLDWDM，或按图斑内点所在的行政区面图层。

输出行：region_code、region_name、area_input、area_inside（所选单位）、share_pct（叠加区内面积占比，%）和图斑数；可选输出同样内容的 Excel 工作簿，并附一页说明数据来源。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="57" />
      <source>Input parcels (e.g. DLTB)</source>
      <translation>统计对象图斑（如 DLTB）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="59" />
      <source>Input filter expression</source>
      <translation>统计对象筛选表达式</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="62" />
      <source>Overlay layer (e.g. ecological red line)</source>
      <translation>叠加图层（如生态保护红线）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="65" />
      <source>Overlay filter expression</source>
      <translation>叠加图层筛选表达式</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="68" />
      <source>Area mode</source>
      <translation>面积口径</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="68" />
      <source>Gross ellipsoidal area</source>
      <translation>毛面积（椭球面积）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="68" />
      <source>Net: share of TBDLMJ</source>
      <translation>净面积：按比例分摊图斑地类面积（TBDLMJ）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="18" />
      <source>Overlay statistics</source>
      <translation>叠加统计</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="49" />
      <source>Statistics</source>
      <translation>统计分析</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="54" />
      <source>Whole area</source>
      <translation>全域</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="54" />
      <source>County (ZLDWDM[:6])</source>
      <translation>县级（ZLDWDM 前 6 位）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="54" />
      <source>Township (ZLDWDM[:9])</source>
      <translation>乡镇级（ZLDWDM 前 9 位）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="55" />
      <source>Village (ZLDWDM[:12])</source>
      <translation>村级（ZLDWDM 前 12 位）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="60" />
      <source>Region level</source>
      <translation>统计级别</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="63" />
      <source>Region polygons (optional; overrides the region level)</source>
      <translation>行政区面图层（可选；优先于统计级别）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="66" />
      <source>Region code or name field</source>
      <translation>行政区代码或名称字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="75" />
      <source>Area unit</source>
      <translation>面积单位</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="77" />
      <source>Statistics table</source>
      <translation>统计表</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/stats_params.py" line="79" />
      <source>Excel workbook</source>
      <translation>Excel 工作簿</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="169" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/regions.py" line="97" />
      <source>No location code (ZLDWDM empty)</source>
      <translation>无坐落单位代码（ZLDWDM 为空）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/common.py" line="105" />
      <source>Region layer “{layer}” has no field “{field}”: choose the field holding the region code or name.</source>
      <translation>行政区图层“{layer}”没有字段“{field}”：请选择存放行政区代码或名称的字段。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/landuse.py" line="114" />
      <source>(outside the region layer)</source>
      <translation>（不在行政区图层内）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/common.py" line="328" />
      <source>Invalid filter expression “{expr}”: {error}</source>
      <translation>筛选表达式“{expr}”无效：{error}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="155" />
      <source>Region code</source>
      <translation>行政区代码</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="156" />
      <source>Region name</source>
      <translation>行政区名称</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="20" />
      <source>Input area ({unit})</source>
      <translation>统计对象面积（{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="21" />
      <source>Area inside ({unit})</source>
      <translation>叠加区内面积（{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="22" />
      <source>Share inside (%)</source>
      <translation>叠加区内占比（%）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="23" />
      <source>Overlay area statistics (unit: {unit})</source>
      <translation>叠加面积统计（单位：{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="56" />
      <source>Land-class change matrix {region} (unit: {unit})</source>
      <translation>{region} 地类转移矩阵（单位：{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="77" />
      <source>No overlapping parcels</source>
      <translation>无相交图斑</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="120" />
      <source>Status</source>
      <translation>达标情况</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="132" />
      <source>Definition: {text}</source>
      <translation>口径：{text}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/__init__.py" line="16" />
      <source>The statistics need the Python package pandas, which this QGIS lacks. Install it (OSGeo4W: python3-pandas; Debian: python3-pandas) and run again.</source>
      <translation>统计功能需要 Python 包 pandas，当前 QGIS 中没有。请安装（OSGeo4W：python3-pandas；Debian：python3-pandas）后重新运行。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/landuse.py" line="101" />
      <source>Unrecognised</source>
      <translation>未识别</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/changematrix.py" line="194" />
      <source>(not in base)</source>
      <translation>（基期无图斑）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="108" />
      <source>Indicators: {id} version {version}</source>
      <translation>指标定义：{id} 版本 {version}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="193" />
      <source>layer “{layer}” has none of the fields {fields}</source>
      <translation>图层“{layer}”缺少以下任一字段：{fields}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="196" />
      <source>layer “{layer}” has no features</source>
      <translation>图层“{layer}”没有要素</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="209" />
      <source>ΣTBDLMJ of class set {set}</source>
      <translation>地类集合 {set} 的 ΣTBDLMJ</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="211" />
      <source>ΣTBDLMJ of class set {set} / ΣTBMJ × 100</source>
      <translation>地类集合 {set} 的 ΣTBDLMJ / ΣTBMJ × 100</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="213" />
      <source>TBDLMJ of DLTB under {layer} (dissolved, net of ridges)</source>
      <translation>{layer}（融合后）范围内 DLTB 的图斑地类面积（扣除田坎）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="216" />
      <source>Ellipsoidal area of {layer} (dissolved) within DLTB</source>
      <translation>{layer}（融合后）在 DLTB 范围内的椭球面积</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="219" />
      <source>Area not {set} in {layer} and {set} in DLTB</source>
      <translation>{layer} 中非 {set}、现状 DLTB 中为 {set} 的面积</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="221" />
      <source>Share of {layer} features flagged green (fields {fields})</source>
      <translation>{layer} 中标记为绿色矿山的要素占比（字段 {fields}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="237" />
      <source>DLTB has no area</source>
      <translation>DLTB 面积为零</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="251" />
      <source>input {layer} not given</source>
      <translation>未提供输入图层 {layer}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="249" />
      <source>reported for the whole area only</source>
      <translation>仅统计全域</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="267" />
      <source>targets are set for the whole area</source>
      <translation>目标值按全域下达</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/landuse.py" line="99" />
      <source>Unrecognised land class ({codes})</source>
      <translation>未识别地类（{codes}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/landuse.py" line="158" />
      <source>Unrecognised land-class codes: {codes}</source>
      <translation>未识别的地类编码：{codes}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="75" />
      <source>Produced {date} · area method: {method}</source>
      <translation>生成日期 {date} · 面积计算方法：{method}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="111" />
      <source>CGCS2000 ellipsoidal</source>
      <translation>CGCS2000 椭球面积</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="109" />
      <source>About</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="110" />
      <source>Produced</source>
      <translation>生成时间</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="111" />
      <source>Area method</source>
      <translation>面积计算方法</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="113" />
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="114" />
      <source>Source {role}</source>
      <translation>数据源 {role}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="114" />
      <source>{name} ({count} features)</source>
      <translation>{name}（{count} 个要素）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="117" />
      <source>Class set {name}</source>
      <translation>地类集合 {name}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="152" />
      <source>Land-use status area summary (unit: {unit})</source>
      <translation>土地利用现状分类面积汇总表（单位：{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="157" />
      <source>Total area</source>
      <translation>总面积</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx.py" line="161" />
      <source>Subtotal</source>
      <translation>小计</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/overlaystats.py" line="291" />
      <source>{n} invalid overlay feature(s) were repaired (makeValid).</source>
      <translation>已修复 {n} 个无效的叠加图层要素（makeValid）。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/overlaystats.py" line="293" />
      <source>Area mode: {mode}</source>
      <translation>面积口径：{mode}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/overlaystats.py" line="293" />
      <source>net (TBDLMJ apportioned)</source>
      <translation>净面积（按比例分摊 TBDLMJ）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/overlaystats.py" line="293" />
      <source>gross</source>
      <translation>毛面积</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/overlaystats.py" line="200" />
      <source>Invalid input filter expression “{expr}”: {error}</source>
      <translation>统计对象筛选表达式“{expr}”无效：{error}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="79" />
      <source>Cannot read the indicator file {path}: {error}</source>
      <translation>无法读取指标文件 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="86" />
      <source>Indicator file {file}: “{key}” {problem}</source>
      <translation>指标文件 {file}：“{key}” {problem}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="226" />
      <source>must be a JSON object</source>
      <translation>必须是 JSON 对象</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/landclasses.py" line="220" />
      <source>is missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="95" />
      <source>must be a list</source>
      <translation>必须是列表</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="100" />
      <source>is defined twice</source>
      <translation>重复定义</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="108" />
      <source>must be an object</source>
      <translation>必须是对象</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="229" />
      <source>must be one of {values}</source>
      <translation>必须是以下之一：{values}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="124" />
      <source>is required by method {method}</source>
      <translation>为计算方法 {method} 所必需</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="129" />
      <source>must be a number or null</source>
      <translation>必须是数值或 null</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="133" />
      <source>must be “min” (at least the target) or “max” (at most)</source>
      <translation>必须是“min”（不低于目标）或“max”（不高于目标）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="56" />
      <source>The input layer has no coordinate reference system.</source>
      <translation>输入图层没有坐标参考系。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="68" />
      <source>The layer lies outside the CGCS2000 Gauss-Kruger zones (zone {zone}).</source>
      <translation>图层位于 CGCS2000 高斯-克吕格分带范围之外（带号 {zone}）。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="55" />
      <source>Cannot read the file: {reason}</source>
      <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="66" />
      <source>The file is neither UTF-8 nor GBK; unreadable characters were replaced.</source>
      <translation>文件既不是 UTF-8 也不是 GBK 编码；无法识别的字符已被替换。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="90" />
      <source>Line outside any [section] ignored: “{text}”</source>
      <translation>不属于任何 [节] 的行已忽略：“{text}”</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="99" />
      <source>Header line is not “key=value”: “{text}”</source>
      <translation>属性描述行不是“键=值”格式：“{text}”</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="103" />
      <source>Header key “{key}” is repeated; the later value is used.</source>
      <translation>属性键“{key}”重复出现；采用后一个值。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="117" />
      <source>Point line before any parcel header (a line ending in “@”) ignored.</source>
      <translation>地块头行（以“@”结尾的行）之前的坐标点行已忽略。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="136" />
      <source>Parcel {parcel}: point count “{value}” is not a whole number; the parcel is skipped.</source>
      <translation>地块 {parcel}：界址点数“{value}”不是整数；该地块已跳过。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="141" />
      <source>Parcel {parcel}: area “{value}” is not a number.</source>
      <translation>地块 {parcel}：面积“{value}”不是数字。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="154" />
      <source>Parcel {parcel}: cannot read the point line “{text}” (expected name,ring,X,Y); the parcel is skipped.</source>
      <translation>地块 {parcel}：无法读取坐标点行“{text}”（应为 点号,圈号,X,Y）；该地块已跳过。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="39" />
      <source>(line {line})</source>
      <translation>（第 {line} 行）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="49" />
      <source>The file holds no [属性描述] or [地块坐标] section: is it a coordinate file?</source>
      <translation>文件中没有 [属性描述] 或 [地块坐标] 节：这是坐标文件吗？</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="54" />
      <source>The [地块坐标] section is missing.</source>
      <translation>缺少 [地块坐标] 节。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="57" />
      <source>The [属性描述] section is missing.</source>
      <translation>缺少 [属性描述] 节。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="62" />
      <source>Header key “{key}” is missing or empty.</source>
      <translation>属性键“{key}”缺失或为空。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="66" />
      <source>Coordinate system “{value}” is not CGCS2000: give the CRS override parameter.</source>
      <translation>坐标系“{value}”不是 CGCS2000：请设置“覆盖坐标参考系”参数。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="71" />
      <source>几度分带 “{value}” is neither 3 nor 6.</source>
      <translation>几度分带“{value}”既不是 3 也不是 6。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="75" />
      <source>带号 “{value}” is not a zone number.</source>
      <translation>带号“{value}”不是有效的带号。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="79" />
      <source>计量单位 “{value}” is not metres (米).</source>
      <translation>计量单位“{value}”不是米。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="87" />
      <source>Parcel {parcel} is of kind “{kind}”, not a polygon (面); it is skipped.</source>
      <translation>地块 {parcel} 的图形属性为“{kind}”，不是面；该地块已跳过。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="94" />
      <source>Parcel {parcel} has no point lines; it is skipped.</source>
      <translation>地块 {parcel} 没有坐标点行；该地块已跳过。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="100" />
      <source>Parcel {parcel}: the header says {declared} points but {listed} are listed.</source>
      <translation>地块 {parcel}：头行界址点数为 {declared}，实际列出 {listed} 个点。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="106" />
      <source>Parcel {parcel}: X={x} looks like an easting and Y={y} like a northing (X and Y swapped?); the parcel is skipped.</source>
      <translation>地块 {parcel}：X={x} 像东坐标而 Y={y} 像北坐标（X、Y 是否颠倒？）；该地块已跳过。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="121" />
      <source>Parcel {parcel}, ring {ring}: the ring does not end on its first point ({first}); it was closed on import.</source>
      <translation>地块 {parcel} 第 {ring} 圈：未闭合到起点（{first}）；导入时已自动闭合。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="126" />
      <source>Parcel {parcel}, ring {ring} has {count} points; a ring needs at least 4 (3 corners and the closing point). The parcel is skipped.</source>
      <translation>地块 {parcel} 第 {ring} 圈只有 {count} 个点；每圈至少需要 4 个点（3 个拐点加闭合点）。该地块已跳过。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="142" />
      <source>Parcel {parcel}, ring {ring} intersects itself near X={x}, Y={y}.</source>
      <translation>地块 {parcel} 第 {ring} 圈在 X={x}、Y={y} 附近自相交。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="154" />
      <source>Parcel number {parcel} is used again (first on line {first}).</source>
      <translation>地块编号 {parcel} 重复（首次出现在第 {first} 行）。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="169" />
      <source>Y={y} differs in zone prefix from the file's first point (line {first}).</source>
      <translation>Y={y} 的带号前缀与文件第一个点（第 {first} 行）不同。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="174" />
      <source>带号={zone} but the Y values carry zone prefix {prefix}; the prefix is used.</source>
      <translation>带号={zone}，但 Y 坐标带有带号前缀 {prefix}；采用坐标中的前缀。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="184" />
      <source>Cannot tell the coordinate system (带号 {zone}); give the CRS override parameter. The file is skipped.</source>
      <translation>无法确定坐标系（带号 {zone}）；请设置“覆盖坐标参考系”参数。该文件已跳过。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="196" />
      <source>Parcel {parcel}: declared area {declared} ha differs from the measured {measured} ha by more than {tolerance} %.</source>
      <translation>地块 {parcel}：申报面积 {declared} 公顷与计算面积 {measured} 公顷相差超过 {tolerance}%。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="211" />
      <source>Parcel {parcel}: its rings cross or overlap each other.</source>
      <translation>地块 {parcel}：各圈相互交叉或重叠。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/reader.py" line="124" />
      <source>Encoding detected: {encoding}</source>
      <translation>检测到的编码：{encoding}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordtxt/writer.py" line="120" />
      <source>“{file}” line {line}: the character “{char}” cannot be written in {encoding}; choose UTF-8 or change the attribute.</source>
      <translation>“{file}”第 {line} 行：字符“{char}”无法用 {encoding} 编码写出；请选择 UTF-8 或修改该属性。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/units.py" line="72" />
      <source>m²</source>
      <translation>平方米</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/units.py" line="73" />
      <source>ha</source>
      <translation>公顷</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/units.py" line="74" />
      <source>mu</source>
      <translation>亩</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/units.py" line="75" />
      <source>10k mu</source>
      <translation>万亩</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/units.py" line="76" />
      <source>km²</source>
      <translation>平方千米</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/report.py" line="76" />
      <source>{n} projects checked: {fail} fail, {fix} need fixing, {ok} pass</source>
      <translation>已核查 {n} 个项目：不通过 {fail} 个，需整改 {fix} 个，通过 {ok} 个</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="27" />
      <source>Parcels of project {project} overlap each other on {area_m2} m² ({area_mu} mu); the overlap is counted once</source>
      <translation>项目 {project} 的地块相互重叠 {area_m2} 平方米（{area_mu} 亩）；重叠部分只计一次</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="43" />
      <source>Parcel (feature {fid}) of project {project} has an invalid geometry ({reason}); it was repaired for measuring</source>
      <translation>项目 {project} 的地块（要素 {fid}）几何无效（{reason}）；已修复后量算</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="60" />
      <source>Parcel (feature {fid}) of project {project} has a sliver or tiny part of {area_m2} m²</source>
      <translation>项目 {project} 的地块（要素 {fid}）有 {area_m2} 平方米的狭长或过小部分</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="101" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} lie outside the land-survey (DLTB) parcels</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）不在地类图斑（DLTB）范围内</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="112" />
      <source>Project {project} overlaps project {other} of the same layer on {area_m2} m² ({area_mu} mu)</source>
      <translation>项目 {project} 与同一图层的项目 {other} 重叠 {area_m2} 平方米（{area_mu} 亩）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="125" />
      <source>Project {project} overlaps the filed project {other} on {area_m2} m² ({area_mu} mu)</source>
      <translation>项目 {project} 与已备案项目 {other} 重叠 {area_m2} 平方米（{area_mu} 亩）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="138" />
      <source>Project {project} has no declared area</source>
      <translation>项目 {project} 没有申报面积</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="147" />
      <source>Project {project}: declared area {declared} m² differs from the measured {measured} m² by {area_m2} m² (tolerance {tolerance} m²)</source>
      <translation>项目 {project}：申报面积 {declared} 平方米与实测面积 {measured} 平方米相差 {area_m2} 平方米（容差 {tolerance} 平方米）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="162" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} lie inside the ecological protection red line</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于生态保护红线内</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="176" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} lie inside protected areas (zones: {zones})</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于自然保护地内（分区：{zones}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="183" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} lie in public-welfare forest</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于公益林内</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="190" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} lie inside the urban development boundary (unstable land)</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于城镇开发边界内（不稳定耕地）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/farmland.py" line="62" />
      <source>{area_m2} m² ({area_mu} mu, net of field ridges; gross {gross} m²) of project {project} are already cultivated land: no new cultivated land there</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩，已扣除田坎；毛面积 {gross} 平方米）现状已是耕地：不能新增耕地</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/farmland.py" line="80" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} lie on land class {code} {name}, which cannot become new cultivated land</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于地类 {code} {name} 上，该地类不能作为新增耕地</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/farmland.py" line="101" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} are steeper than {degrees}° (no cultivation allowed)</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）坡度大于 {degrees}°（禁止开垦）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/engine.py" line="175" />
      <source>not given: {layers}</source>
      <translation>未提供：{layers}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/engine.py" line="254" />
      <source>(no id) #{fid}</source>
      <translation>（无编号）#{fid}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/engine.py" line="273" />
      <source>empty geometry</source>
      <translation>空几何</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/engine.py" line="285" />
      <source>invalid geometry</source>
      <translation>几何无效</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="42" />
      <source>Rule set “{origin}”, key “{key}”: {problem}</source>
      <translation>规则集“{origin}”，键“{key}”：{problem}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="169" />
      <source>missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="112" />
      <source>unknown threshold</source>
      <translation>未知阈值</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="131" />
      <source>No built-in rule set for the check “{kind}”.</source>
      <translation>核查“{kind}”没有内置规则集。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="140" />
      <source>cannot be read ({error})</source>
      <translation>无法读取（{error}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="145" />
      <source>not valid JSON ({error})</source>
      <translation>不是有效的 JSON（{error}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="173" />
      <source>must be a number</source>
      <translation>必须是数字</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="176" />
      <source>has the wrong type ({kind} expected)</source>
      <translation>类型错误（应为 {kind}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="184" />
      <source>must not be empty</source>
      <translation>不能为空</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="235" />
      <source>must be true or false</source>
      <translation>必须是 true 或 false</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="212" />
      <source>must be a list of texts</source>
      <translation>必须是文本列表</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="215" />
      <source>unknown class set(s): {names}</source>
      <translation>未知地类集合：{names}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="335" />
      <source>(unnamed layer)</source>
      <translation>（未命名图层）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/landclasses.py" line="143" />
      <source>Unknown land-class set “{name}”; known sets: {known}</source>
      <translation>未知的地类集合“{name}”；已有集合：{known}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/landclasses.py" line="176" />
      <source>Cannot read the land-class file {path}: {error}</source>
      <translation>无法读取地类文件 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/landclasses.py" line="190" />
      <source>Land-class file {file}: “{key}” {problem}</source>
      <translation>地类文件 {file}：“{key}”{problem}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/landclasses.py" line="203" />
      <source>is missing or not text</source>
      <translation>缺失或不是文本</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/landclasses.py" line="206" />
      <source>repeats code {code}</source>
      <translation>重复了编码 {code}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/landclasses.py" line="209" />
      <source>names an unknown first-level class</source>
      <translation>引用了未知的一级类</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/landclasses.py" line="211" />
      <source>must be one of agricultural, construction, unused</source>
      <translation>必须是 agricultural（农用地）、construction（建设用地）、unused（未利用地）之一</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/landclasses.py" line="213" />
      <source>names an unknown code</source>
      <translation>引用了未知的编码</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/landclasses.py" line="223" />
      <source>lists unknown codes: {codes}</source>
      <translation>列出了未知编码：{codes}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/overlay.py" line="90" />
      <source>Invalid overlay filter expression “{expr}”: {error}</source>
      <translation>叠加图层筛选表达式“{expr}”无效：{error}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/area.py" line="72" />
      <source>Cannot measure areas: the coordinate reference system is missing or invalid.</source>
      <translation>无法计算面积：坐标参考系缺失或无效。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="57" />
      <source>Writes polygons (all features, or the selected ones when “Selected features only” is ticked) as project coordinate files in the ministry's 报部坐标 .txt exchange format.

Files: one file per project (the project field's value, made safe as a file name) or one file holding every parcel (named by the file name parameter).
Fields: choose which attributes give the project, parcel number, name, land class and use. Unset, the importer's fields (XMBH, DKBH, DKMC, DLBM, DKYT, TFH) are used when the layer has them; parcels without a number are numbered 1, 2, 3… in each file.
Geometry: each feature is one parcel (地块). Points are named J1, J2… through all rings of the parcel; rings are numbered 1 (outer), 2, 3…; each ring ends on its first point. Outer rings run clockwise and holes counter-clockwise as seen on the map (north up), which is clockwise in the surveyors' X-north/Y-east frame. Coordinates have 4 decimals, X = northing first, Y = easting (with the zone prefix unless unticked), in the CGCS2000 3-degree Gauss-Kruger zone of the layer (or of its centre when the layer is in another system).
Area: the ellipsoidal area in 公顷 (4 decimals) from the plugin's area engine.
Header: 数据产生单位 and 数据产生日期 from the parameters (date defaults to today); encoding GBK (the monitoring system's) or UTF-8. Each file is written to a temporary name and then moved into place.</source>
      <translation>将面要素（全部要素，或勾选“仅选中要素”时的选中要素）导出为报部坐标文件（自然资源部的 .txt 交换格式）。

文件：每个项目一个文件（以项目字段的值命名，并处理为安全的文件名），或所有地块写入一个文件（以“文件名”参数命名）。
字段：选择由哪些属性提供项目、地块编号、地块名称、地类编码和地块用途。未设置时，若图层有导入时的字段（XMBH、DKBH、DKMC、DLBM、DKYT、TFH）则使用它们；没有编号的地块在每个文件中按 1、2、3…… 编号。
图形：每个要素为一个地块。界址点在地块的所有圈中依次命名为 J1、J2……；圈号依次为 1（外圈）、2、3……；每圈以起点闭合。外圈按地图上（上北）顺时针、内洞按逆时针排列，即测量坐标系（X 向北、Y 向东）中的顺时针。坐标保留 4 位小数，先写 X（北坐标），后写 Y（东坐标，除非取消勾选，否则带带号前缀），采用图层所在的 CGCS2000 3 度带高斯-克吕格坐标系（图层为其他坐标系时，采用其范围中心所在的带）。
面积：由插件面积引擎计算的椭球面积，单位公顷（4 位小数）。
属性描述：数据产生单位和数据产生日期取自参数（日期默认为当天）；编码为 GBK（监管系统使用的编码）或 UTF-8。每个文件先写入临时文件，再移动到目标位置。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="54" />
      <source>Reads project coordinate files (the ministry's 报部坐标 .txt exchange format) into a polygon layer, one feature per parcel (地块), and checks them.

Input: one or more .txt files and/or a folder (all .txt files in it). GBK and UTF-8 (with or without BOM) are detected; the log says which encoding each file had.
Coordinate system: from the header (2000国家大地坐标系, 几度分带, 带号) and the Y values — EPSG:4488+zone when Y carries the zone prefix, EPSG:4509+zone (CM form) otherwise. Give the CRS override for other systems. Files in different systems are transformed to the first file's system (or the override).
Rings: ring number 1 is the outer ring; the other rings become holes or further parts depending on whether they lie inside another ring.
Checks, each reported with file and line: missing or contradictory header keys (带号 against the Y prefix), point count against listed points, unclosed rings, rings with fewer than 4 points, self-intersections, duplicate parcel numbers, declared area against the ellipsoidal area beyond the tolerance, X and Y swapped. A parcel that cannot be read is skipped with a message; the rest is imported.
Outputs: the parcel layer (fields JZDS point count, DKMJ declared area ha, JSMJ measured area ha, DKBH, DKMC, TXSX, TFH, DKYT, DLBM, SCDW, SCRQ, ZBX, DH, WJM file name, XMBH project id = file name without .txt, BM encoding) and an optional report table of all messages.</source>
      <translation>将报部坐标文件（自然资源部的 .txt 交换格式）读入为面图层，每个地块一个要素，并进行检查。

输入：一个或多个 .txt 文件和/或一个文件夹（读取其中所有 .txt 文件）。自动识别 GBK 与 UTF-8（含或不含 BOM）编码；日志中会说明每个文件的编码。
坐标系：根据属性描述（2000国家大地坐标系、几度分带、带号）和 Y 坐标确定——Y 带带号前缀时为 EPSG:4488+带号，否则为中央经线形式 EPSG:4509+带号。其他坐标系请设置“覆盖坐标参考系”。不同坐标系的文件会转换到第一个文件的坐标系（或覆盖坐标系）。
圈：圈号 1 为外圈；其余各圈根据是否位于另一圈之内，作为内洞或另一部分。
检查（均注明文件和行号）：属性描述缺项或矛盾（带号与 Y 坐标前缀不符）、界址点数与列出点数不符、圈未闭合、圈少于 4 个点、自相交、地块编号重复、申报面积与椭球面积之差超过容差、X 与 Y 颠倒。无法读取的地块会跳过并给出提示，其余地块照常导入。
输出：地块图层（字段 JZDS 界址点数、DKMJ 申报面积（公顷）、JSMJ 计算面积（公顷）、DKBH、DKMC、TXSX、TFH、DKYT、DLBM、SCDW、SCRQ、ZBX、DH、WJM 文件名、XMBH 项目编号（即不含 .txt 的文件名）、BM 编码）以及可选的全部提示信息报告表。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/xlsx_reports.py" line="58" />
      <source>Base (rows) / current (columns)</source>
      <translation>基期（行）/ 现状（列）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="166" />
      <source>Feature {fid} (parcel {parcel}) has an invalid geometry; it is written as it is and will be rejected at filing.</source>
      <translation>要素 {fid}（地块 {parcel}）的几何图形无效；已按原样写出，报部时将被拒绝。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/consistency.py" line="73" />
      <source>TBDLMJ = TBMJ − KCMJ</source>
      <translation>图斑地类面积 TBDLMJ = 图斑面积 TBMJ − 扣除地类面积 KCMJ</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/consistency.py" line="74" />
      <source>KCMJ = TBMJ × KCXS</source>
      <translation>扣除地类面积 KCMJ = 图斑面积 TBMJ × 扣除地类系数 KCXS</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/consistency.py" line="75" />
      <source>TBMJ = measured ellipsoidal area</source>
      <translation>图斑面积 TBMJ = 实测椭球面积</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/consistency.py" line="103" />
      <source>Layer “{layer}”, {check}: {failed} of {checked} parcels outside tolerance</source>
      <translation>图层“{layer}”，{check}：{checked} 个图斑中有 {failed} 个超出限差</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/consistency.py" line="107" />
      <source>  feature {fid} {label}: expected {expected:.2f}, found {actual:.2f} (difference {diff:+.2f} m²)</source>
      <translation>  要素 {fid} {label}：应为 {expected:.2f}，实为 {actual:.2f}（差值 {diff:+.2f} 平方米）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/consistency.py" line="112" />
      <source>Layer “{layer}”: {count} parcels have no geometry (area 0).</source>
      <translation>图层“{layer}”：{count} 个图斑没有几何图形（面积按 0 计）。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="165" />
      <source>{layer}: none of the fields {fields}; every feature counted for {indicator}</source>
      <translation>{layer}：没有字段 {fields} 中的任何一个；{indicator} 计入全部要素</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicators.py" line="170" />
      <source>{indicator}: only {layer} features with {field} in ({values})</source>
      <translation>{indicator}：仅计 {layer} 中 {field} 为（{values}）的要素</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="131" />
      <source>and only_values go together</source>
      <translation>必须与 only_values 同时给出</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="276" />
      <source>Layer “{layer}” has no coordinate reference system. Set its CRS (survey data: EPSG:4490, EPSG:4547 or EPSG:4526) and run again.</source>
      <translation>图层“{layer}”没有坐标参考系。请设置其坐标系（三调数据通常为 EPSG:4490、EPSG:4547 或 EPSG:4526）后重新运行。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="287" />
      <source>Layer “{layer}” is declared {declared} but its coordinates (x {x_min:.0f} … {x_max:.0f}) do not fit it: {diagnosis}. Set the layer CRS to {suggestion} (Layer Properties → Source) and run again.</source>
      <translation>图层“{layer}”声明的坐标系为 {declared}，但其坐标（x {x_min:.0f} … {x_max:.0f}）与之不符：{diagnosis}。请将图层坐标系设为 {suggestion}（图层属性 → 源）后重新运行。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="315" />
      <source>looks like longitude/latitude degrees: {crs}</source>
      <translation>看起来是经纬度（度）：{crs}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="317" />
      <source>looks like zone {zone} with prefix: {crs}</source>
      <translation>看起来是带带号的第 {zone} 带：{crs}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="325" />
      <source>looks like zone {zone} without prefix: {crs}</source>
      <translation>看起来是不带带号的第 {zone} 带：{crs}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="61" />
      <source>Water sources for irrigation (rivers, reservoirs, ditches)</source>
      <translation>灌溉水源（河流、水库、沟渠）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="64" />
      <source>County code field (empty: XZQDM)</source>
      <translation>县区代码字段（留空：XZQDM）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="67" />
      <source>Project status field (empty: ZT)</source>
      <translation>项目状态字段（留空：ZT）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="39" />
      <source>Cultivated land balance ledger</source>
      <translation>耕地占补平衡台账</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="45" />
      <source>The cultivated-land balance ledger: per region and year, cultivated land occupied by construction projects against new cultivated land replenished by accepted replenishment projects.

Occupied: the cultivated land (0101/0102/0103, net of field ridges) of DLTB under the OCCUPATION projects, by their approval year; of which paddy; and the area-weighted quality grade (GDDB) when DLTB has it. Where occupation projects of one year overlap, their common land is counted once.

Replenished: new cultivated land and new paddy of the accepted REPLENISHMENT projects, by their filing year. A projects layer written by the farmland check (fields new_cultivated_m2, new_paddy_m2, grade, zldwdm, verdict) is read as it is; any other projects layer is checked here with the farmland rules against DLTB (planned class 0101 = new paddy). Accepted: the status field says 已验收, 通过, 已备案 or pass (without a status field, the verdict field must say pass).

Region: the location code ZLDWDM of the DLTB parcels at the chosen level. Balances = replenished − occupied, for quantity and for paddy; negative balances are red in the Excel ledger, which ends with a totals row. Areas are ellipsoidal (CGCS2000), in m² and mu.</source>
      <translation>耕地占补平衡台账：按行政区和年度，比较建设项目占用的耕地与已验收补充耕地项目新增的耕地。

占用：OCCUPATION 建设项目范围内地类图斑（DLTB）中的耕地（0101/0102/0103，扣除田坎），按批准年度统计；其中水田；DLTB 有耕地等别（GDDB）时计算面积加权平均等别。同一年度相互重叠的占用项目，重叠部分只计一次。

补充：已验收的 REPLENISHMENT 补充耕地项目的新增耕地和新增水田，按备案年度统计。补充耕地核查输出的项目图层（含 new_cultivated_m2、new_paddy_m2、grade、zldwdm、verdict 字段）直接读取；其他项目图层则在此按补充耕地核查规则与 DLTB 叠加计算（规划地类 0101 = 新增水田）。已验收：状态字段为 已验收、通过、已备案 或 pass（无状态字段时，结论字段须为 pass）。

行政区：按所选级别截取地类图斑的坐落单位代码 ZLDWDM。平衡 = 补充 − 占用，分别计算数量和水田；Excel 台账中负的平衡值标红，最后一行为合计。面积为椭球面积（CGCS2000），单位为平方米和亩。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="67" />
      <source>Construction projects occupying land</source>
      <translation>占用耕地的建设项目</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="69" />
      <source>Approval year field</source>
      <translation>批准年度字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="72" />
      <source>Replenishment projects</source>
      <translation>补充耕地项目</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="74" />
      <source>Filing year field</source>
      <translation>备案年度字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="77" />
      <source>Status field (accepted: 已验收/通过/已备案)</source>
      <translation>状态字段（已验收/通过/已备案 视为已验收）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="91" />
      <source>From year</source>
      <translation>起始年度</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="91" />
      <source>To year</source>
      <translation>截止年度</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="95" />
      <source>Balance ledger</source>
      <translation>占补平衡台账</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="97" />
      <source>Excel ledger</source>
      <translation>Excel 台账</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="106" />
      <source>The occupation, replenishment and DLTB layers are required.</source>
      <translation>必须提供占用项目、补充耕地项目和地类图斑图层。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="131" />
      <source>The ledger was canceled; no results were written.</source>
      <translation>台账计算已取消，未写出任何结果。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkmine.py" line="24" />
      <source>Declared restoration mode field</source>
      <translation>申报修复模式字段</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkmine.py" line="72" />
      <source>Declared restoration mode field (empty: XFMS/修复模式)</source>
      <translation>申报修复模式字段（留空：XFMS/修复模式）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="29" />
      <source>Checks paddy-field reclamation projects (垦造水田) before approval and before acceptance.

Each project is the union of its parcels in PROJECTS (grouped by the project id field). It is overlaid on the land survey (DLTB) and the control layers, and judged by the rule set (built-in Guangdong defaults, or a JSON file). Two kinds of work, mixed freely: upgrade (提质改造, dry or irrigated land to paddy: new paddy only) and reclamation (垦造, garden, other forest, grass and other allowed land to paddy: new cultivated land and new paddy).

Rules: existing_paddy (land already paddy: no gain, warning with the area), source_class (land classes the rule set does not allow, one error per class), slope (error above 25°, warning above 15° (unconfirmed); from the slope grade GDPDJB where the land is cultivated (grade 5 error, 4 warning), elsewhere from the steep-slope layer or the DEM), contiguity (parcels up to 5 m apart form one block; blocks under 50 mu (unconfirmed) are warnings), water_source (no river, reservoir, pond or ditch of DLTB, nor a feature of the water layer, within 500 m (unconfirmed): warning), hazard (a geological hazard point within 200 m: error), and the common rules geometry, outside_survey, duplicate_project, area_mismatch, eco_redline, protected_area, public_forest, urban_boundary. A rule whose layer is not given is reported as not checked, never as passed.

Verdict per project: fail (any error), needs fixing (warnings only), pass. Figures per project, in m² and mu: new paddy, new cultivated land (reclamation), upgrade, the kind (提质改造/垦造/混合), the number of blocks with the smallest and the largest, and the area by slope grade GDPDJB. Quotas leave out every conflict the rule set deducts (each piece counted once); areas are gross and ellipsoidal (CGCS2000).

The Excel report adds the plan progress: new paddy of accepted projects (status field equal to the accepted value) by county and in total, against the plan target of 10,000 mu.</source>
      <translation>在立项审批前和验收前核查垦造水田项目。

每个项目是 PROJECTS 中同一项目（按项目编号字段分组）所有地块的合并。项目与国土调查地类图斑（DLTB）及各管控图层叠加，按规则集（内置广东省默认规则，或 JSON 文件）判定。两类工程可在一个项目中混合：提质改造（旱地、水浇地改为水田：仅新增水田）和垦造（园地、其他林地、草地及其他允许的地类改为水田：新增耕地并新增水田）。

规则：existing_paddy（已是水田：无新增，警告并给出面积）、source_class（规则集不允许的地类，每个地类一条错误）、slope（坡度大于 25° 为错误，大于 15°（未确认）为警告；耕地按耕地坡度级别 GDPDJB 判定（5 级错误、4 级警告），其他地类按禁止开垦陡坡地图层或 DEM 判定）、contiguity（间距不超过 5 米的地块视为连片；小于 50 亩（未确认）的连片地块为警告）、water_source（500 米（未确认）内既无 DLTB 中的河流、水库、坑塘、沟渠，也无水源图层要素：警告）、hazard（200 米内有地质灾害隐患点：错误），以及通用规则 geometry、outside_survey、duplicate_project、area_mismatch、eco_redline、protected_area、public_forest、urban_boundary。未提供所需图层的规则报告为“未核查”，绝不视为通过。

每个项目的结论：不通过（有错误）、需整改（仅有警告）、通过。每个项目的指标（平方米和亩）：新增水田、新增耕地（垦造）、提质改造面积、类型（提质改造/垦造/混合）、连片地块数及最小和最大地块面积、按耕地坡度级别 GDPDJB 的面积分布。指标扣除规则集规定扣减的所有冲突（每块只计一次）；面积为毛面积、椭球面积（CGCS2000）。

Excel 报告增加规划进度：已验收项目（状态字段等于已验收值）的新增水田，按县区和合计，与规划目标 10000 亩对比。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="70" />
      <source>Status value of accepted projects</source>
      <translation>已验收项目的状态值</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="78" />
      <source>Water sources</source>
      <translation>灌溉水源</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="101" />
      <source>Treated: legacy parcels whose treatment status (zlzt) is B; restoration rate = treated area ÷ legacy-mine area × 100.</source>
      <translation>已治理：治理状态（zlzt）为 B 的历史遗留矿山图斑；修复率 = 已治理面积 ÷ 历史遗留矿山面积 × 100。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="155" />
      <source>Licensed producing mines: mining rights whose status ({field}) says producing; green: the flag {flag}.</source>
      <translation>持证在采矿山：生产状态（{field}）为生产的采矿权；绿色矿山：标志字段 {flag}。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/paddy.py" line="63" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} are already paddy (0101): no new paddy there</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）已是水田（0101）：该部分不新增水田</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/paddy.py" line="84" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} lie on land class {code} {name}, which cannot become paddy</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于地类 {code} {name}，该地类不得垦造为水田</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/paddy.py" line="99" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} are steeper than {degrees}° (slope grade {grade}): no paddy allowed</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）坡度大于 {degrees}°（坡度级别 {grade}）：不得垦造水田</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/paddy.py" line="104" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} are steeper than {degrees}° (slope grade {grade}): terraces only, check the design</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）坡度大于 {degrees}°（坡度级别 {grade}）：只能建梯田，请核查设计</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/paddy.py" line="154" />
      <source>A contiguous block of {area_m2} m² ({area_mu} mu) of project {project} is smaller than {minimum} mu (parcels up to {gap} m apart count as one block; {count} block(s) in all)</source>
      <translation>项目 {project} 的一个连片地块面积 {area_m2} 平方米（{area_mu} 亩），小于 {minimum} 亩（间距不超过 {gap} 米的地块视为连片；共 {count} 片）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/paddy.py" line="167" />
      <source>No irrigation water source (river, reservoir, pond, ditch or water layer) within {distance} m of project {project} ({area_m2} m², {area_mu} mu)</source>
      <translation>项目 {project} 周边 {distance} 米内无灌溉水源（河流、水库、坑塘、沟渠或水源图层）（{area_m2} 平方米，{area_mu} 亩）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/paddy.py" line="207" />
      <source>{count} geological hazard point(s) within {distance} m of project {project} (nearest {nearest} m); {area_m2} m² ({area_mu} mu) of the project lie within that distance</source>
      <translation>项目 {project} 周边 {distance} 米内有 {count} 个地质灾害隐患点（最近 {nearest} 米）；项目有 {area_m2} 平方米（{area_mu} 亩）位于该距离内</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/mine.py" line="226" />
      <source>core zone of {names}: no engineering works</source>
      <translation>{names}核心保护区：不得实施工程措施</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/mine.py" line="230" />
      <source>in sight or near hazards: {reasons}</source>
      <translation>位于可视范围内或邻近地质灾害隐患点：{reasons}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/mine.py" line="232" />
      <source>out of sight of roads, rivers, towns and protected areas; no hazard point nearby</source>
      <translation>不在道路、河流、城镇和自然保护地的可视范围内；附近无地质灾害隐患点</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/mine.py" line="257" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} lie on mining rights valid on {date} ({rights}): the right holder restores them, not public money</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于 {date} 仍有效的采矿权内（{rights}）：应由矿权人治理，不得使用财政资金</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/mine.py" line="291" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} lie on no legacy-mine parcel</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）不在任何历史遗留矿山图斑上</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/mine.py" line="305" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} are declared natural recovery (自然恢复) but lie in sight of {reasons} (三区两线): suggested mode 工程治理 (engineering works)</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）申报为自然恢复，但位于 {reasons} 的可视范围内（三区两线）：建议修复模式为工程治理</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/mine.py" line="322" />
      <source>{area_m2} m² ({area_mu} mu) of engineering works of project {project} lie in the core zone of {names}: only natural recovery is allowed there</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）工程措施位于{names}核心保护区内：该区域只允许自然恢复</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/mine.py" line="335" />
      <source>Geological hazard points inside project {project} or within {metres} m ({hazards}): hazard treatment must be included</source>
      <translation>项目 {project} 内或 {metres} 米范围内有地质灾害隐患点（{hazards}）：必须包含隐患治理</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/area.py" line="97" />
      <source>{empty} null or empty geometries and {other} points or lines were measured as 0 m².</source>
      <translation>{empty} 个空几何或空图形、{other} 个点或线的面积按 0 平方米计。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/minestats.py" line="29" />
      <source>Mine restoration and green mine statistics</source>
      <translation>矿山修复与绿色矿山统计</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/minestats.py" line="32" />
      <source>Restoration progress of legacy mines and the green-mine share of licensed producing mines, by region (the plan's indicator 13).

Legacy mines: the parcels of the national legacy-mine check (历史遗留矿山); field names are recognised in lower or upper case. Per region: parcel count, area, treated area (treatment status zlzt = B), untreated area, area under a restoration project (the project parcels dissolved, so overlapping projects count once) and the restoration rate = treated ÷ total × 100.

Mining rights (optional): the rights whose production status says producing (生产/在采) are the licensed producing mines; those flagged as green mines give the green-mine share (%).

Regions: by the administrative code (xzqdm / XZQDM) at the chosen level, or by a region polygon layer holding each parcel's interior point. Areas are measured on the CGCS2000 ellipsoid; the verified area hsmj is listed beside them.

Output: one row per region (areas in the chosen unit); optionally an Excel workbook with the same table and the lists behind every figure: the legacy parcels and the producing mines.</source>
      <translation>按区域统计历史遗留矿山修复进展和持证在采矿山中绿色矿山的比例（规划指标 13）。

历史遗留矿山：国家历史遗留矿山核查图斑；字段名小写或大写均可识别。每个区域统计：图斑数、面积、已治理面积（治理状态 zlzt = B）、未治理面积、修复项目覆盖面积（项目地块先融合，重叠项目只计一次）和修复率 = 已治理 ÷ 总面积 × 100。

采矿权（可选）：生产状态为生产（生产/在采）的采矿权即持证在采矿山；其中标为绿色矿山的给出绿色矿山比例（%）。

区域：按行政区代码（xzqdm / XZQDM）在所选级别汇总，或按包含图斑内点的区域面图层。面积按 CGCS2000 椭球计算；核实面积 hsmj 并列列出。

输出：每个区域一行（面积为所选单位）；可选 Excel 工作簿，含同一表格及每个数字背后的清单：历史遗留矿山图斑和在采矿山。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/minestats.py" line="54" />
      <source>Restoration project parcels</source>
      <translation>修复项目地块</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/minestats.py" line="60" />
      <source>Mine restoration statistics</source>
      <translation>矿山修复统计</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="198" />
      <source>Mine restoration</source>
      <translation>矿山修复</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="199" />
      <source>Legacy parcels</source>
      <translation>遗留矿山图斑数</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="200" />
      <source>Legacy-mine area ({unit})</source>
      <translation>历史遗留矿山面积（{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="201" />
      <source>Treated ({unit})</source>
      <translation>已治理（{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="202" />
      <source>Untreated ({unit})</source>
      <translation>未治理（{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="211" />
      <source>Under a restoration project ({unit})</source>
      <translation>修复项目覆盖（{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="204" />
      <source>Restoration rate (%)</source>
      <translation>修复率（%）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="219" />
      <source>Licensed producing mines</source>
      <translation>持证在采矿山</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="204" />
      <source>Green mines</source>
      <translation>绿色矿山</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="205" />
      <source>Green-mine share (%)</source>
      <translation>绿色矿山比例（%）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="206" />
      <source>Mine restoration and green mines (unit: {unit})</source>
      <translation>矿山修复与绿色矿山（单位：{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="211" />
      <source>Parcel number</source>
      <translation>图斑编号</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="220" />
      <source>Mine name</source>
      <translation>矿山名称</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="211" />
      <source>Area ({unit})</source>
      <translation>面积（{unit}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="211" />
      <source>Verified area hsmj (m²)</source>
      <translation>核实面积 hsmj（平方米）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="211" />
      <source>Treated</source>
      <translation>已治理</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="220" />
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="220" />
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="218" />
      <source>Producing mines</source>
      <translation>在采矿山</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="220" />
      <source>Licence number</source>
      <translation>许可证号</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="220" />
      <source>Production status</source>
      <translation>生产状态</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="220" />
      <source>Green mine</source>
      <translation>绿色矿山</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/minestats.py" line="220" />
      <source>Valid to</source>
      <translation>有效期止</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/base.py" line="84" />
      <source>The run was canceled: no output was written.</source>
      <translation>运行已取消：未写出任何结果。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/common.py" line="203" />
      <source>{n} invalid polygon(s) in “{layer}” were repaired (makeValid) for measuring; fix them in the source data. Feature id(s): {fids}</source>
      <translation>图层“{layer}”中有 {n} 个无效多边形已修复（makeValid）后计算面积；请在源数据中改正。要素编号：{fids}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/checkmine.py" line="35" />
      <source>Checks mine restoration projects (legacy mines, 历史遗留矿山) before filing.

Each project is the union of its parcels in PROJECTS (grouped by the project id field), overlaid on the legacy-mine parcels, mining rights, roads, rivers, hazard points and the control layers, and judged by the rule set (built-in Guangdong defaults, or a JSON file). Field names of the national legacy-mine schema and of mining-right registers are recognised in lower or upper case.

Rules: mining_right_valid (parts on a mining right valid at the check date: error, the right holder restores them; on an expired or cancelled (注销) right: warning), not_legacy_mine (parts on no legacy-mine parcel: warning), mode_visibility (declared natural recovery although within sight of expressways, high-speed rail, national and provincial roads (1000 m), main rivers (500 m; the survey's river surface when no river layer is given), the urban development boundary and provincial-or-higher protected areas (1000 m): warning, suggested mode engineering works; with a DEM, roads and rivers count only where the terrain leaves a direct line of sight), core_zone (engineering works in a protected area's core zone: error), hazard (a hazard point inside or within 200 m: warning), eco_redline (information), and the common geometry, outside_survey, duplicate_project and area_mismatch. The distances are rule-set thresholds, labelled unconfirmed: no official buffer was found. A rule whose layer is not given is reported as not checked, never as passed.

Verdict per project: fail (any error), needs fixing (warnings only), pass. Figures: restored mine area (on legacy-mine parcels, minus valid mining rights and duplicates) in m² and mu, the legacy parcels touched, the suggested mode and why, and the declared mode.

All areas are ellipsoidal (CGCS2000). Outputs: a findings layer with the conflict geometry, a projects layer with verdicts and figures, and an optional Excel report.</source>
      <translation>在备案前核查矿山修复项目（历史遗留矿山）。

每个项目是 PROJECTS 中其地块的并集（按项目编号字段分组），与历史遗留矿山图斑、采矿权、道路、河流、地质灾害隐患点及各管控图层叠加，并按规则集（内置广东默认规则，或 JSON 文件）判定。国家历史遗留矿山核查数据库及采矿权登记的字段名，小写或大写均可识别。

规则：mining_right_valid（位于核查日期仍有效的采矿权内的部分：错误，由矿权人治理；位于已过期或已注销采矿权内：警告）、not_legacy_mine（不在任何历史遗留矿山图斑上的部分：警告）、mode_visibility（申报自然恢复，但位于高速公路、高速铁路、国道和省道（1000 米）、主要河流（500 米；未提供河流图层时用三调河流水面）、城镇开发边界及省级以上自然保护地（1000 米）的可视范围内：警告，建议模式为工程治理；提供 DEM 时，道路和河流仅在地形不遮挡、可直接通视时才计入）、core_zone（自然保护地核心保护区内的工程措施：错误）、hazard（项目内或 200 米内有地质灾害隐患点：警告）、eco_redline（提示），以及通用规则 geometry、outside_survey、duplicate_project 和 area_mismatch。距离为规则集阈值，标注为未确认：未找到官方缓冲距离。图层未提供的规则报告为“未检查”，绝不视为通过。

每个项目的结论：不通过（有错误）、需整改（仅有警告）、通过。指标：修复矿山面积（位于历史遗留矿山图斑上，扣除有效采矿权和重复项目部分），单位平方米和亩；涉及的历史遗留矿山图斑；建议修复模式及理由；申报修复模式。

所有面积均为椭球面积（CGCS2000）。输出：含冲突几何的问题图层、含结论和指标的项目图层，以及可选的 Excel 报告。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/mine.py" line="265" />
      <source>{area_m2} m² ({area_mu} mu) of project {project} lie on mining rights expired before {date} or cancelled ({rights}): check that they were cancelled and who must restore the land</source>
      <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于 {date} 前已过期或已注销的采矿权内（{rights}）：请核实是否已注销及治理责任主体</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/inputs.py" line="92" />
      <source>Layer “{layer}” has no .cpg file and its text is not readable as {encoding} (a GBK shapefile?). Set Layer Properties → Source → Data source encoding to GBK, or put a file {cpg} containing the word GBK beside the .shp, and run again.</source>
      <translation>图层“{layer}”没有 .cpg 文件，其文字无法按 {encoding} 读取（可能是 GBK 编码的 Shapefile）。请在 图层属性 → 源 → 数据源编码 中设为 GBK，或在 .shp 旁放置内容为 GBK 的文件 {cpg}，然后重新运行。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/inputs.py" line="99" />
      <source>Layer “{layer}” has no .cpg file and its text is readable neither in the system encoding nor as GBK. Put a file {cpg} naming its encoding beside the .shp.</source>
      <translation>图层“{layer}”没有 .cpg 文件，其文字既无法按系统编码读取，也无法按 GBK 读取。请在 .shp 旁放置注明其编码的文件 {cpg}。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/inputs.py" line="104" />
      <source>Layer “{layer}” has no .cpg file; its text was read as GBK. Put a file {cpg} containing the word GBK beside the .shp to make this explicit.</source>
      <translation>图层“{layer}”没有 .cpg 文件，其文字已按 GBK 读取。请在 .shp 旁放置内容为 GBK 的文件 {cpg}，以明确编码。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/check_base.py" line="230" />
      <source>No project of “{layer}” is selected.</source>
      <translation>图层“{layer}”中没有选中的项目。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/inputs.py" line="79" />
      <source>Layer “{layer}” holds {kind} features; “{parameter}” needs a polygon layer.</source>
      <translation>图层“{layer}”的要素为 {kind}；“{parameter}”需要面图层。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="86" />
      <source>Land-survey parcels (DLTB) before the projects, e.g. the base vintage</source>
      <translation>项目实施前的地类图斑（DLTB），如基期年度数据</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="347" />
      <source>Not checked (input not given): {rules}</source>
      <translation>未核查（未提供输入）：{rules}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/stats/common.py" line="261" />
      <source>{n} parcel(s) of “{layer}” repeat the identifier (BSM) of another parcel (duplicated features?); they are counted as delivered. BSM: {ids}</source>
      <translation>图层“{layer}”中有 {n} 个图斑与其他图斑的标识码（BSM）重复（要素重复？），已按原样统计。BSM：{ids}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/processing/inputs.py" line="63" />
      <source>The output “{path}” is the file of the input layer “{layer}”: writing it would destroy the input. Choose another file.</source>
      <translation>输出“{path}”正是输入图层“{layer}”所在的文件：写入会破坏输入数据。请选择其他文件。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="123" />
      <source>Import projects from coordinate files…</source>
      <translation>从坐标文件导入项目…</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/check_dock.py" line="124" />
      <source>Read 报部坐标 .txt files (sgnr:importcoordtxt) and use them as the project parcels layer.</source>
      <translation>读取报部坐标 .txt 文件（sgnr:importcoordtxt），并将其作为项目地块图层。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/coord_import.py" line="24" />
      <source>Import projects from coordinate files</source>
      <translation>从坐标文件导入项目</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/coord_import.py" line="24" />
      <source>Coordinate files (*.txt)</source>
      <translation>坐标文件 (*.txt)</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/coord_import.py" line="32" />
      <source>Importing {n} coordinate file(s)…</source>
      <translation>正在导入 {n} 个坐标文件…</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/coord_import.py" line="32" />
      <source>The import could not start.</source>
      <translation>无法开始导入。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/coord_import.py" line="40" />
      <source>The import failed; no layer was added.
{log}</source>
      <translation>导入失败，未添加图层。
{log}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/coord_import.py" line="43" />
      <source>Imported projects {time}</source>
      <translation>导入的项目 {time}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/gui/coord_import.py" line="47" />
      <source>{parcels} parcel(s) imported, {errors} file error(s): see the Processing log for the lines.</source>
      <translation>已导入 {parcels} 个地块，文件错误 {errors} 处：具体行号见处理日志。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="173" />
      <source>the eastings carry different or implausible zone prefixes ({first} … {last}): one layer must hold one zone</source>
      <translation>横坐标带有不同或不合理的带号前缀（{first} … {last}）：一个图层只能属于一个投影带</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="208" />
      <source>the eastings reach {km:.0f} km from the central meridian {cm:g}°E, beyond its zone (±{half:g}°): the data belong to another central meridian</source>
      <translation>横坐标距中央经线 {cm:g}°E 达 {km:.0f} 公里，超出该投影带（±{half:g}°）：数据属于另一条中央经线</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="294" />
      <source>Layer “{layer}” is declared {declared} but its coordinates (x {x_min:.0f} … {x_max:.0f}) do not fit it: {diagnosis}. Set the CRS the data were delivered in (Layer Properties → Source; CGCS2000 Gauss-Kruger: EPSG:4491–4554) and run again.</source>
      <translation>图层“{layer}”声明的坐标系为 {declared}，但其坐标（x {x_min:.0f} … {x_max:.0f}）与之不符：{diagnosis}。请设置数据交付时的坐标系（图层属性 → 源；CGCS2000 高斯-克吕格：EPSG:4491–4554）后重新运行。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="320" />
      <source>looks like 6-degree zone {zone} with prefix: {crs}</source>
      <translation>看起来是带带号的 6 度带第 {zone} 带：{crs}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/crs.py" line="323" />
      <source>looks like 6-degree zone {zone} without prefix: {crs}</source>
      <translation>看起来是不带带号的 6 度带第 {zone} 带：{crs}</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordinates.py" line="70" />
      <source>a coordinate is not a number ({x}, {y})</source>
      <translation>坐标不是有效数值（{x}, {y}）</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordinates.py" line="72" />
      <source>the coordinate ({x}, {y}) lies outside {crs}</source>
      <translation>坐标（{x}, {y}）超出 {crs} 的范围</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordinates.py" line="83" />
      <source>{n} geometry(-ies) have coordinates that cannot be real ({problem}): their areas would be wrong. Repair these geometries (or the layer's CRS) and run again.</source>
      <translation>{n} 个几何图形的坐标不可能真实（{problem}）：其面积将是错误的。请修复这些几何图形（或图层坐标系）后重新运行。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="36" />
      <source>Parcel (feature {fid}) of project {project} has coordinates that cannot be real ({reason}); it was left out of the check and its figures: repair its geometry and check again</source>
      <translation>项目 {project} 的地块（要素 {fid}）坐标不可能真实（{reason}），已从核查及其数字中排除：请修复其几何图形后重新核查</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/coordinates.py" line="101" />
      <source>{n} feature(s) of “{layer}” have coordinates that cannot be real ({problem}): their areas would be wrong, so no result is given. Repair their geometry (or the layer's CRS) and run again. Feature(s): {features}</source>
      <translation>图层“{layer}”中有 {n} 个要素的坐标不可能真实（{problem}）：其面积将是错误的，因此不给出结果。请修复其几何图形（或图层坐标系）后重新运行。要素：{features}</translation>
    </message>
  </context>
</TS>