<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>@default</name>
    <message>
        <location filename="../sg_nr_plugin/processing/provider.py" line="21"/>
        <source>Shaoguan Natural Resources</source>
        <translation>韶关自然资源</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/plugin.py" line="49"/>
        <source>Processing algorithms…</source>
        <translation>处理工具…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/provider.py" line="24"/>
        <source>Shaoguan Natural Resources (三调 statistics and project checks)</source>
        <translation>韶关自然资源（三调统计与项目核查）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/errors.py" line="22"/>
        <source>Layer “{layer}” lacks the required field(s): {fields}</source>
        <translation>图层“{layer}”缺少必需字段：{fields}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/errors.py" line="36"/>
        <source>Cannot write “{path}”: the file is open in another program (Excel, WPS…) or the folder is not writable. Close it and run again.</source>
        <translation>无法写入“{path}”：文件正被其他程序（Excel、WPS 等）打开，或文件夹不可写。请关闭文件后重新运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/errors.py" line="46"/>
        <source>Layer “{layer}” has no features.</source>
        <translation>图层“{layer}”没有要素。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/excel.py" line="39"/>
        <source>Writing Excel files needs the Python package openpyxl, which this QGIS lacks. Install it (OSGeo4W: python3-openpyxl; Debian: python3-openpyxl) or leave the Excel output empty.</source>
        <translation>写入 Excel 文件需要 Python 包 openpyxl，当前 QGIS 中没有。请安装（OSGeo4W：python3-openpyxl；Debian：python3-openpyxl），或将 Excel 输出留空。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/files.py" line="77"/>
        <source>lock file {name} exists</source>
        <translation>存在锁定文件 {name}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkfarmland.py" line="17"/>
        <source>Farmland replenishment check</source>
        <translation>补充耕地核查</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="36"/>
        <source>Paddy-field reclamation check</source>
        <translation>垦造水田核查</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkmine.py" line="34"/>
        <source>Mine restoration check</source>
        <translation>矿山修复核查</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="28"/>
        <source>Legacy mine parcels</source>
        <translation>历史遗留矿山图斑</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/minestats.py" line="63"/>
        <source>Mining rights</source>
        <translation>采矿权</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkfarmland.py" line="48"/>
        <source>Planned quality grade field</source>
        <translation>规划耕地质量等别字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="111"/>
        <source>Unit of the declared area</source>
        <translation>申报面积单位</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="104"/>
        <source>Detect layers</source>
        <translation>自动识别图层</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="198"/>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="80"/>
        <source>The algorithm {id} is not available yet.</source>
        <translation>算法 {id} 尚不可用。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="144"/>
        <source>Rule sets (*.json)</source>
        <translation>规则集 (*.json)</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="118"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="94"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="118"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="211"/>
        <source>Check selected projects</source>
        <translation>核查选中项目</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="213"/>
        <source>Check all</source>
        <translation>全部核查</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="215"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="233"/>
        <source>All verdicts</source>
        <translation>全部结论</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/findings.py" line="70"/>
        <source>Fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/findings.py" line="71"/>
        <source>Needs fixing</source>
        <translation>需整改</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/findings.py" line="72"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="237"/>
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/findings.py" line="77"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/findings.py" line="77"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/findings.py" line="77"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rule_texts.py" line="89"/>
        <source>unconfirmed; </source>
        <translation>未确认；</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_dock.py" line="135"/>
        <source>Threshold “{key}” must be a number.</source>
        <translation>阈值“{key}”必须是数字。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_dock.py" line="164"/>
        <source>Choose the project parcels layer first.</source>
        <translation>请先选择项目地块图层。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_dock.py" line="177"/>
        <source>Checking…</source>
        <translation>正在核查…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_dock.py" line="179"/>
        <source>The check could not start.</source>
        <translation>核查无法启动。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="35"/>
        <source>Findings</source>
        <translation>核查问题</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="140"/>
        <source>Checked projects</source>
        <translation>核查项目</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_dock.py" line="291"/>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="94"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_dock.py" line="291"/>
        <source>Report written. Open it now?</source>
        <translation>报告已写出。现在打开吗？</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/results_model.py" line="80"/>
        <source>Project / rule</source>
        <translation>项目 / 规则</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/results_model.py" line="80"/>
        <source>Verdict / severity</source>
        <translation>结论 / 级别</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/results_model.py" line="80"/>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/results_model.py" line="80"/>
        <source>Area (m²)</source>
        <translation>面积（平方米）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="21"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="100"/>
        <source>Project parcels</source>
        <translation>项目地块</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="46"/>
        <source>Project checks</source>
        <translation>项目核查</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="129"/>
        <source>Check date (empty: today)</source>
        <translation>核查日期（留空：今天）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="132"/>
        <source>Rule set file (empty: built-in Guangdong defaults)</source>
        <translation>规则集文件（留空：内置广东省默认规则）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="135"/>
        <source>Only the selected projects</source>
        <translation>仅核查选中的项目</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="142"/>
        <source>Excel report</source>
        <translation>Excel 报告</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="177"/>
        <source>The project parcels layer is missing or cannot be read.</source>
        <translation>项目地块图层缺失或无法读取。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="180"/>
        <source>Layer “{layer}” has no coordinate reference system.</source>
        <translation>图层“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="295"/>
        <source>The check was canceled; no results were written.</source>
        <translation>核查已取消，未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/landusesummary.py" line="39"/>
        <source>Land-use status area summary</source>
        <translation>土地利用现状分类面积汇总表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="81"/>
        <source>Land-use status parcels (DLTB)</source>
        <translation>地类图斑（DLTB）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/landusesummary.py" line="75"/>
        <source>Keep K codes apart from their base class</source>
        <translation>K 类地类（可调整）单列，不并入基础地类</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="157"/>
        <source>Land-use summary</source>
        <translation>土地利用现状汇总</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/landusesummary.py" line="90"/>
        <source>Sums computed inside the database (SQL).</source>
        <translation>已在数据库内（SQL）完成汇总。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="65"/>
        <source>Export project coordinate files</source>
        <translation>导出报部坐标文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="102"/>
        <source>Project id field (one file per project)</source>
        <translation>项目编号字段（每个项目一个文件）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="103"/>
        <source>Parcel number field</source>
        <translation>地块编号字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="103"/>
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="104"/>
        <source>Land class field</source>
        <translation>地类编码字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="104"/>
        <source>Use field</source>
        <translation>用途字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="109"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="109"/>
        <source>One file per project</source>
        <translation>每个项目一个文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="109"/>
        <source>One file with all parcels</source>
        <translation>所有地块一个文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="112"/>
        <source>File name (one file, or parcels without a project id)</source>
        <translation>文件名（单个文件，或没有项目编号的地块）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="115"/>
        <source>Producer (数据产生单位)</source>
        <translation>数据产生单位</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="120"/>
        <source>Y with the zone prefix</source>
        <translation>Y 坐标带带号前缀</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="122"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="124"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="126"/>
        <source>Files written</source>
        <translation>已写出的文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="127"/>
        <source>Parcels written</source>
        <translation>已写出的地块数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="158"/>
        <source>Writing coordinates in {crs}.</source>
        <translation>坐标写入坐标系 {crs}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="180"/>
        <source>{parcels} parcel(s) written to {files} file(s) in {folder}.</source>
        <translation>已将 {parcels} 个地块写入 {folder} 中的 {files} 个文件。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="230"/>
        <source>Feature {fid} has no polygon geometry; skipped.</source>
        <translation>要素 {fid} 没有面几何；已跳过。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="246"/>
        <source>No feature with a polygon geometry to export.</source>
        <translation>没有可导出的面要素。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="289"/>
        <source>{file}: parcel number {parcel} is used {count} times; the monitoring system rejects duplicates.</source>
        <translation>{file}：地块编号 {parcel} 使用了 {count} 次；监管系统不接受重复编号。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="36"/>
        <source>Land-class change matrix</source>
        <translation>地类转移矩阵</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="39"/>
        <source>Cross-tabulates two vintages of the land-use status parcels (DLTB): for every region, the area that was class A in the base vintage and is class B in the current one.

Class level: second-level classes (DLBM; K codes with their base class), first-level classes, or the three major categories (agricultural, construction, unused land). The area of new construction land (not construction in the base, construction now) is what the plan indicator &apos;new construction land&apos; reports.

The two vintages are intersected tile by tile, so a million parcels never sit in memory together; areas are ellipsoidal on the CGCS2000 ellipsoid (gross, like TBMJ). Current land the base vintage does not cover appears with the source class NONE. The region of a piece is the region of the current parcel (ZLDWDM at the chosen level, or a region polygon layer).

Output rows: region_code, region_name, from_class, to_class (with their names) and area in the chosen unit; optionally an Excel workbook with one matrix per region.</source>
        <translation>对两期地类图斑（DLTB）做交叉统计：按行政区给出基期为 A 类、现状为 B 类的面积。

地类级别：二级地类（DLBM，K 类并入基础地类）、一级地类，或三大类（农用地、建设用地、未利用地）。新增建设用地（基期非建设用地、现状为建设用地）的面积即规划指标“新增建设用地规模”。

两期数据按分块逐块求交，百万图斑也不会同时载入内存；面积按 CGCS2000 椭球计算（毛面积，同 TBMJ）。基期未覆盖的现状用地以来源地类 NONE 列出。相交碎片的行政区取现状图斑的行政区（按所选级别截取 ZLDWDM，或按行政区面图层）。

输出行：region_code、region_name、from_class、to_class（含地类名称）及所选单位的面积；可选输出每个行政区一张矩阵的 Excel 工作簿。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="61"/>
        <source>Base vintage DLTB</source>
        <translation>基期地类图斑（DLTB）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="63"/>
        <source>Current vintage DLTB</source>
        <translation>现状地类图斑（DLTB）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="65"/>
        <source>Class level</source>
        <translation>地类级别</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="65"/>
        <source>Second-level classes</source>
        <translation>二级地类</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="65"/>
        <source>First-level classes</source>
        <translation>一级地类</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="65"/>
        <source>Three major categories</source>
        <translation>三大类</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/stats_xlsx.py" line="73"/>
        <source>Change matrix</source>
        <translation>地类转移矩阵</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkfarmland.py" line="20"/>
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
        <location filename="../sg_nr_plugin/processing/algorithms/checkfarmland.py" line="45"/>
        <source>Planned land-class field (0101 = new paddy)</source>
        <translation>规划地类字段（0101 = 新增水田）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="47"/>
        <source>Project coordinate files</source>
        <translation>报部坐标文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="54"/>
        <source>Import project coordinate files</source>
        <translation>导入报部坐标文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="91"/>
        <source>Coordinate files (.txt)</source>
        <translation>坐标文件（.txt）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="93"/>
        <source>Folder of coordinate files</source>
        <translation>坐标文件所在文件夹</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="96"/>
        <source>Override coordinate reference system</source>
        <translation>覆盖坐标参考系</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="98"/>
        <source>Area tolerance (%)</source>
        <translation>面积容差（%）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/stats_xlsx.py" line="18"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="111"/>
        <source>Validation report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="122"/>
        <source>No coordinate files given: choose files or a folder.</source>
        <translation>未指定坐标文件：请选择文件或文件夹。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="142"/>
        <source>No parcel could be imported; see the messages above.</source>
        <translation>没有可导入的地块；请查看上面的提示信息。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="156"/>
        <source>{parcels} parcel(s) imported from {files} file(s); {skipped} skipped; {errors} error(s), {warnings} warning(s).</source>
        <translation>从 {files} 个文件导入 {parcels} 个地块；跳过 {skipped} 个；错误 {errors} 个，警告 {warnings} 个。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="34"/>
        <source>Permanent basic farmland (optional)</source>
        <translation>永久基本农田（可选）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="35"/>
        <source>Ecological protection red line (optional)</source>
        <translation>生态保护红线（可选）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="36"/>
        <source>Protected areas (optional)</source>
        <translation>自然保护地（可选）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="37"/>
        <source>Urban renewal (三旧改造) completed (optional)</source>
        <translation>“三旧”改造完成范围（可选）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="38"/>
        <source>New afforestation and ecological restoration (optional)</source>
        <translation>新增造林和生态修复（可选）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="47"/>
        <source>Plan main indicators (Table 1)</source>
        <translation>规划主要指标统计（表1）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="50"/>
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
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="83"/>
        <source>Base-vintage DLTB (optional, for new construction land)</source>
        <translation>基期地类图斑 DLTB（可选，用于新增建设用地）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="89"/>
        <source>Mining rights (optional, for green mines)</source>
        <translation>采矿权（可选，用于绿色矿山指标）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="92"/>
        <source>Indicator definitions and targets (JSON, optional)</source>
        <translation>指标定义与目标值（JSON，可选）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="97"/>
        <source>Plan indicators</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="41"/>
        <source>Overlay area statistics</source>
        <translation>叠加面积统计</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="44"/>
        <source>How much of the input parcels lies inside an overlay layer, per region — for example cultivated land inside the ecological protection red line, by county.

Input filter: an expression choosing the parcels (e.g. &quot;DLBM&quot; LIKE '01%' for cultivated land). Overlay filter: an expression choosing the overlay features.

The overlay is dissolved under each parcel, so where overlay polygons overlap the area is counted once. Areas are ellipsoidal on the CGCS2000 ellipsoid, whatever the project settings. Area mode 'gross' measures the parcel pieces; 'net' gives each parcel its net class area TBDLMJ in proportion to the share of the parcel inside the overlay (field ridges excluded).

Regions: by the location code ZLDWDM at the chosen level, or by a region polygon layer holding each parcel's interior point.

Output rows: region_code, region_name, area_input, area_inside (in the chosen unit), share_pct (percent of the input inside the overlay) and the parcel count; optionally an Excel workbook with the same table and a sheet naming the sources.</source>
        <translation>按行政区统计输入图斑落在叠加图层内的面积，例如各县生态保护红线内的耕地面积。

统计对象筛选：选择图斑的表达式（如耕地用 &quot;DLBM&quot; LIKE '01%'）。叠加图层筛选：选择叠加要素的表达式。

叠加图层在每个图斑下先融合，叠加面相互重叠之处面积只计一次。面积一律按 CGCS2000 椭球计算，与工程设置无关。面积口径“毛面积”量算图斑被叠加部分的面积；“净面积”按图斑落在叠加区内的比例分摊其图斑地类面积 TBDLMJ（不含田坎）。

行政区：按所选级别截取坐落单位代码 ZLDWDM，或按图斑内点所在的行政区面图层。

输出行：region_code、region_name、area_input、area_inside（所选单位）、share_pct（叠加区内面积占比，%）和图斑数；可选输出同样内容的 Excel 工作簿，并附一页说明数据来源。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="61"/>
        <source>Input parcels (e.g. DLTB)</source>
        <translation>统计对象图斑（如 DLTB）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="63"/>
        <source>Input filter expression</source>
        <translation>统计对象筛选表达式</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="66"/>
        <source>Overlay layer (e.g. ecological red line)</source>
        <translation>叠加图层（如生态保护红线）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="69"/>
        <source>Overlay filter expression</source>
        <translation>叠加图层筛选表达式</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="72"/>
        <source>Area mode</source>
        <translation>面积口径</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="72"/>
        <source>Gross ellipsoidal area</source>
        <translation>毛面积（椭球面积）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/overlaystats.py" line="72"/>
        <source>Net: share of TBDLMJ</source>
        <translation>净面积：按比例分摊图斑地类面积（TBDLMJ）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/stats_xlsx.py" line="14"/>
        <source>Overlay statistics</source>
        <translation>叠加统计</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="52"/>
        <source>Statistics</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="125"/>
        <source>Whole area</source>
        <translation>全域</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="57"/>
        <source>County (ZLDWDM[:6])</source>
        <translation>县级（ZLDWDM 前 6 位）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="57"/>
        <source>Township (ZLDWDM[:9])</source>
        <translation>乡镇级（ZLDWDM 前 9 位）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="58"/>
        <source>Village (ZLDWDM[:12])</source>
        <translation>村级（ZLDWDM 前 12 位）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="63"/>
        <source>Region level</source>
        <translation>统计级别</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="66"/>
        <source>Region polygons (optional; overrides the region level)</source>
        <translation>行政区面图层（可选；优先于统计级别）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="69"/>
        <source>Region code or name field</source>
        <translation>行政区代码或名称字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="90"/>
        <source>Area unit</source>
        <translation>面积单位</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="92"/>
        <source>Statistics table</source>
        <translation>统计表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="94"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="75"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/regions.py" line="98"/>
        <source>No location code (ZLDWDM empty)</source>
        <translation>无坐落单位代码（ZLDWDM 为空）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/common.py" line="108"/>
        <source>Region layer “{layer}” has no field “{field}”: choose the field holding the region code or name.</source>
        <translation>行政区图层“{layer}”没有字段“{field}”：请选择存放行政区代码或名称的字段。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/landuse.py" line="84"/>
        <source>(outside the region layer)</source>
        <translation>（不在行政区图层内）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/common.py" line="353"/>
        <source>Invalid filter expression “{expr}”: {error}</source>
        <translation>筛选表达式“{expr}”无效：{error}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="94"/>
        <source>Region code</source>
        <translation>行政区代码</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="94"/>
        <source>Region name</source>
        <translation>行政区名称</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/stats_xlsx.py" line="16"/>
        <source>Input area ({unit})</source>
        <translation>统计对象面积（{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/stats_xlsx.py" line="17"/>
        <source>Area inside ({unit})</source>
        <translation>叠加区内面积（{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/stats_xlsx.py" line="18"/>
        <source>Share inside (%)</source>
        <translation>叠加区内占比（%）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/stats_xlsx.py" line="19"/>
        <source>Overlay area statistics (unit: {unit})</source>
        <translation>叠加面积统计（单位：{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/stats_xlsx.py" line="52"/>
        <source>Land-class change matrix {region} (unit: {unit})</source>
        <translation>{region} 地类转移矩阵（单位：{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/stats_xlsx.py" line="73"/>
        <source>No overlapping parcels</source>
        <translation>无相交图斑</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="94"/>
        <source>Status</source>
        <translation>达标情况</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="105"/>
        <source>Definition: {text}</source>
        <translation>口径：{text}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/__init__.py" line="16"/>
        <source>The statistics need the Python package pandas, which this QGIS lacks. Install it (OSGeo4W: python3-pandas; Debian: python3-pandas) and run again.</source>
        <translation>统计功能需要 Python 包 pandas，当前 QGIS 中没有。请安装（OSGeo4W：python3-pandas；Debian：python3-pandas）后重新运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/landuse.py" line="68"/>
        <source>Unrecognised</source>
        <translation>未识别</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/changematrix.py" line="136"/>
        <source>(not in base)</source>
        <translation>（基期无图斑）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="121"/>
        <source>Indicators: {id} version {version}</source>
        <translation>指标定义：{id} 版本 {version}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="208"/>
        <source>layer “{layer}” has none of the fields {fields}</source>
        <translation>图层“{layer}”缺少以下任一字段：{fields}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="211"/>
        <source>layer “{layer}” has no features</source>
        <translation>图层“{layer}”没有要素</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="231"/>
        <source>ΣTBDLMJ of class set {set}</source>
        <translation>地类集合 {set} 的 ΣTBDLMJ</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="233"/>
        <source>ΣTBDLMJ of class set {set} / ΣTBMJ × 100</source>
        <translation>地类集合 {set} 的 ΣTBDLMJ / ΣTBMJ × 100</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="236"/>
        <source>TBDLMJ of DLTB under {layer} (dissolved, net of ridges)</source>
        <translation>{layer}（融合后）范围内 DLTB 的图斑地类面积（扣除田坎）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="239"/>
        <source>Ellipsoidal area of {layer} (dissolved) within DLTB</source>
        <translation>{layer}（融合后）在 DLTB 范围内的椭球面积</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="242"/>
        <source>Area not {set} in {layer} and {set} in DLTB</source>
        <translation>{layer} 中非 {set}、现状 DLTB 中为 {set} 的面积</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="244"/>
        <source>Share of {layer} features flagged green (fields {fields})</source>
        <translation>{layer} 中标记为绿色矿山的要素占比（字段 {fields}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="259"/>
        <source>DLTB has no area</source>
        <translation>DLTB 面积为零</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="273"/>
        <source>input {layer} not given</source>
        <translation>未提供输入图层 {layer}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="271"/>
        <source>reported for the whole area only</source>
        <translation>仅统计全域</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="311"/>
        <source>targets are set for the whole area</source>
        <translation>目标值按全域下达</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/landuse.py" line="66"/>
        <source>Unrecognised land class ({codes})</source>
        <translation>未识别地类（{codes}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/landuse.py" line="143"/>
        <source>Unrecognised land-class codes: {codes}</source>
        <translation>未识别的地类编码：{codes}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="75"/>
        <source>Produced {date} · area method: {method}</source>
        <translation>生成日期 {date} · 面积计算方法：{method}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="119"/>
        <source>CGCS2000 ellipsoidal</source>
        <translation>CGCS2000 椭球面积</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit_xlsx.py" line="15"/>
        <source>About</source>
        <translation>审计信息</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="118"/>
        <source>Produced</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="119"/>
        <source>Area method</source>
        <translation>面积计算方法</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="21"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="122"/>
        <source>Source {role}</source>
        <translation>数据源 {role}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="122"/>
        <source>{name} ({count} features)</source>
        <translation>{name}（{count} 个要素）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="125"/>
        <source>Class set {name}</source>
        <translation>地类集合 {name}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="160"/>
        <source>Land-use status area summary (unit: {unit})</source>
        <translation>土地利用现状分类面积汇总表（单位：{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="165"/>
        <source>Total area</source>
        <translation>总面积</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/book.py" line="169"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/overlaystats.py" line="304"/>
        <source>{n} invalid overlay feature(s) were repaired (makeValid).</source>
        <translation>已修复 {n} 个无效的叠加图层要素（makeValid）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="175"/>
        <source>Area mode: {mode}</source>
        <translation>面积口径：{mode}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/overlaystats.py" line="306"/>
        <source>net (TBDLMJ apportioned)</source>
        <translation>净面积（按比例分摊 TBDLMJ）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="175"/>
        <source>gross</source>
        <translation>毛面积</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/overlaystats.py" line="212"/>
        <source>Invalid input filter expression “{expr}”: {error}</source>
        <translation>统计对象筛选表达式“{expr}”无效：{error}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="79"/>
        <source>Cannot read the indicator file {path}: {error}</source>
        <translation>无法读取指标文件 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="86"/>
        <source>Indicator file {file}: “{key}” {problem}</source>
        <translation>指标文件 {file}：“{key}” {problem}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="251"/>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/landclasses.py" line="220"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="95"/>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="100"/>
        <source>is defined twice</source>
        <translation>重复定义</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="108"/>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="254"/>
        <source>must be one of {values}</source>
        <translation>必须是以下之一：{values}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="124"/>
        <source>is required by method {method}</source>
        <translation>为计算方法 {method} 所必需</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="129"/>
        <source>must be a number or null</source>
        <translation>必须是数值或 null</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="133"/>
        <source>must be “min” (at least the target) or “max” (at most)</source>
        <translation>必须是“min”（不低于目标）或“max”（不高于目标）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="74"/>
        <source>The input layer has no coordinate reference system.</source>
        <translation>输入图层没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="86"/>
        <source>The layer lies outside the CGCS2000 Gauss-Kruger zones (zone {zone}).</source>
        <translation>图层位于 CGCS2000 高斯-克吕格分带范围之外（带号 {zone}）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="31"/>
        <source>Cannot read the file: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="71"/>
        <source>Line outside any [section] ignored: “{text}”</source>
        <translation>不属于任何 [节] 的行已忽略：“{text}”</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="86"/>
        <source>Header line is not “key=value”: “{text}”</source>
        <translation>属性描述行不是“键=值”格式：“{text}”</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="90"/>
        <source>Header key “{key}” is repeated; the later value is used.</source>
        <translation>属性键“{key}”重复出现；采用后一个值。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="126"/>
        <source>Point line before any parcel header (a line ending in “@”) ignored.</source>
        <translation>地块头行（以“@”结尾的行）之前的坐标点行已忽略。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="163"/>
        <source>Parcel {parcel}: point count “{value}” is not a whole number; the parcel is skipped.</source>
        <translation>地块 {parcel}：界址点数“{value}”不是整数；该地块已跳过。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="168"/>
        <source>Parcel {parcel}: area “{value}” is not a number.</source>
        <translation>地块 {parcel}：面积“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="202"/>
        <source>Parcel {parcel}: cannot read the point line “{text}” (expected name,ring,X,Y); the parcel is skipped.</source>
        <translation>地块 {parcel}：无法读取坐标点行“{text}”（应为 点号,圈号,X,Y）；该地块已跳过。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="48"/>
        <source>(line {line})</source>
        <translation>（第 {line} 行）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="54"/>
        <source>The file holds no [属性描述] or [地块坐标] section: is it a coordinate file?</source>
        <translation>文件中没有 [属性描述] 或 [地块坐标] 节：这是坐标文件吗？</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="59"/>
        <source>The [地块坐标] section is missing.</source>
        <translation>缺少 [地块坐标] 节。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="62"/>
        <source>The [属性描述] section is missing.</source>
        <translation>缺少 [属性描述] 节。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="67"/>
        <source>Header key “{key}” is missing or empty.</source>
        <translation>属性键“{key}”缺失或为空。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="76"/>
        <source>Coordinate system “{value}” is not CGCS2000: give the CRS override parameter.</source>
        <translation>坐标系“{value}”不是 CGCS2000：请设置“覆盖坐标参考系”参数。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="81"/>
        <source>几度分带 “{value}” is neither 3 nor 6.</source>
        <translation>几度分带“{value}”既不是 3 也不是 6。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="85"/>
        <source>带号 “{value}” is not a zone number.</source>
        <translation>带号“{value}”不是有效的带号。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="89"/>
        <source>计量单位 “{value}” is not metres (米).</source>
        <translation>计量单位“{value}”不是米。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="99"/>
        <source>Parcel {parcel} is of kind “{kind}”, not a polygon (面); it is skipped.</source>
        <translation>地块 {parcel} 的图形属性为“{kind}”，不是面；该地块已跳过。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="106"/>
        <source>Parcel {parcel} has no point lines; it is skipped.</source>
        <translation>地块 {parcel} 没有坐标点行；该地块已跳过。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="112"/>
        <source>Parcel {parcel}: the header says {declared} points but {listed} are listed.</source>
        <translation>地块 {parcel}：头行界址点数为 {declared}，实际列出 {listed} 个点。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="136"/>
        <source>Parcel {parcel}, ring {ring}: the ring does not end on its first point ({first}); it was closed on import.</source>
        <translation>地块 {parcel} 第 {ring} 圈：未闭合到起点（{first}）；导入时已自动闭合。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="141"/>
        <source>Parcel {parcel}, ring {ring} has {count} points; a ring needs at least 4 (3 corners and the closing point). The parcel is skipped.</source>
        <translation>地块 {parcel} 第 {ring} 圈只有 {count} 个点；每圈至少需要 4 个点（3 个拐点加闭合点）。该地块已跳过。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="157"/>
        <source>Parcel {parcel}, ring {ring} intersects itself near X={x}, Y={y}.</source>
        <translation>地块 {parcel} 第 {ring} 圈在 X={x}、Y={y} 附近自相交。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="199"/>
        <source>Parcel number {parcel} is used again (first on line {first}).</source>
        <translation>地块编号 {parcel} 重复（首次出现在第 {first} 行）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="214"/>
        <source>Y={y} differs in zone prefix from the file&apos;s first point (line {first}).</source>
        <translation>Y={y} 的带号前缀与文件第一个点（第 {first} 行）不同。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="219"/>
        <source>带号={zone} but the Y values carry zone prefix {prefix}; the prefix is used.</source>
        <translation>带号={zone}，但 Y 坐标带有带号前缀 {prefix}；采用坐标中的前缀。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="229"/>
        <source>Cannot tell the coordinate system (带号 {zone}); give the CRS override parameter. The file is skipped.</source>
        <translation>无法确定坐标系（带号 {zone}）；请设置“覆盖坐标参考系”参数。该文件已跳过。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="264"/>
        <source>Parcel {parcel}: declared area {declared} ha differs from the measured {measured} ha by more than {tolerance} %.</source>
        <translation>地块 {parcel}：申报面积 {declared} 公顷与计算面积 {measured} 公顷相差超过 {tolerance}%。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="279"/>
        <source>Parcel {parcel}: its rings cross or overlap each other.</source>
        <translation>地块 {parcel}：各圈相互交叉或重叠。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/reader.py" line="139"/>
        <source>Encoding detected: {encoding}</source>
        <translation>检测到的编码：{encoding}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/writer.py" line="149"/>
        <source>“{file}” line {line}: the character “{char}” cannot be written in {encoding}; choose UTF-8 or change the attribute.</source>
        <translation>“{file}”第 {line} 行：字符“{char}”无法用 {encoding} 编码写出；请选择 UTF-8 或修改该属性。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/units.py" line="72"/>
        <source>m²</source>
        <translation>平方米</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/units.py" line="73"/>
        <source>ha</source>
        <translation>公顷</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="156"/>
        <source>mu</source>
        <translation>亩</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/units.py" line="75"/>
        <source>10k mu</source>
        <translation>万亩</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/units.py" line="76"/>
        <source>km²</source>
        <translation>平方千米</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_report.py" line="76"/>
        <source>{n} projects checked: {fail} fail, {fix} need fixing, {ok} pass</source>
        <translation>已核查 {n} 个项目：不通过 {fail} 个，需整改 {fix} 个，通过 {ok} 个</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="27"/>
        <source>Parcels of project {project} overlap each other on {area_m2} m² ({area_mu} mu); the overlap is counted once</source>
        <translation>项目 {project} 的地块相互重叠 {area_m2} 平方米（{area_mu} 亩）；重叠部分只计一次</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="43"/>
        <source>Parcel (feature {fid}) of project {project} has an invalid geometry ({reason}); it was repaired for measuring</source>
        <translation>项目 {project} 的地块（要素 {fid}）几何无效（{reason}）；已修复后量算</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="60"/>
        <source>Parcel (feature {fid}) of project {project} has a sliver or tiny part of {area_m2} m²</source>
        <translation>项目 {project} 的地块（要素 {fid}）有 {area_m2} 平方米的狭长或过小部分</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="101"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} lie outside the land-survey (DLTB) parcels</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）不在地类图斑（DLTB）范围内</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="112"/>
        <source>Project {project} overlaps project {other} of the same layer on {area_m2} m² ({area_mu} mu)</source>
        <translation>项目 {project} 与同一图层的项目 {other} 重叠 {area_m2} 平方米（{area_mu} 亩）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="125"/>
        <source>Project {project} overlaps the filed project {other} on {area_m2} m² ({area_mu} mu)</source>
        <translation>项目 {project} 与已备案项目 {other} 重叠 {area_m2} 平方米（{area_mu} 亩）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="138"/>
        <source>Project {project} has no declared area</source>
        <translation>项目 {project} 没有申报面积</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="147"/>
        <source>Project {project}: declared area {declared} m² differs from the measured {measured} m² by {area_m2} m² (tolerance {tolerance} m²)</source>
        <translation>项目 {project}：申报面积 {declared} 平方米与实测面积 {measured} 平方米相差 {area_m2} 平方米（容差 {tolerance} 平方米）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="162"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} lie inside the ecological protection red line</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于生态保护红线内</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="176"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} lie inside protected areas (zones: {zones})</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于自然保护地内（分区：{zones}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="183"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} lie in public-welfare forest</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于公益林内</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="190"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} lie inside the urban development boundary (unstable land)</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于城镇开发边界内（不稳定耕地）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/farmland.py" line="62"/>
        <source>{area_m2} m² ({area_mu} mu, net of field ridges; gross {gross} m²) of project {project} are already cultivated land: no new cultivated land there</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩，已扣除田坎；毛面积 {gross} 平方米）现状已是耕地：不能新增耕地</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/farmland.py" line="80"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} lie on land class {code} {name}, which cannot become new cultivated land</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于地类 {code} {name} 上，该地类不能作为新增耕地</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/farmland.py" line="103"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} are steeper than {degrees}° (no cultivation allowed)</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）坡度大于 {degrees}°（禁止开垦）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/engine.py" line="180"/>
        <source>not given: {layers}</source>
        <translation>未提供：{layers}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/engine.py" line="287"/>
        <source>(no id) #{fid}</source>
        <translation>（无编号）#{fid}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/engine.py" line="306"/>
        <source>empty geometry</source>
        <translation>空几何</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/engine.py" line="318"/>
        <source>invalid geometry</source>
        <translation>几何无效</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="43"/>
        <source>Rule set “{origin}”, key “{key}”: {problem}</source>
        <translation>规则集“{origin}”，键“{key}”：{problem}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="177"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="119"/>
        <source>unknown threshold</source>
        <translation>未知阈值</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="138"/>
        <source>No built-in rule set for the check “{kind}”.</source>
        <translation>核查“{kind}”没有内置规则集。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="147"/>
        <source>cannot be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="152"/>
        <source>not valid JSON ({error})</source>
        <translation>不是有效的 JSON（{error}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="181"/>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="184"/>
        <source>has the wrong type ({kind} expected)</source>
        <translation>类型错误（应为 {kind}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="192"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="260"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/pdf_labels.py" line="74"/>
        <source>must be a list of texts</source>
        <translation>必须是文本列表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ruleset.py" line="240"/>
        <source>unknown class set(s): {names}</source>
        <translation>未知地类集合：{names}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="335"/>
        <source>(unnamed layer)</source>
        <translation>（未命名图层）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/landclasses.py" line="143"/>
        <source>Unknown land-class set “{name}”; known sets: {known}</source>
        <translation>未知的地类集合“{name}”；已有集合：{known}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/landclasses.py" line="176"/>
        <source>Cannot read the land-class file {path}: {error}</source>
        <translation>无法读取地类文件 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/landclasses.py" line="190"/>
        <source>Land-class file {file}: “{key}” {problem}</source>
        <translation>地类文件 {file}：“{key}”{problem}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/landclasses.py" line="203"/>
        <source>is missing or not text</source>
        <translation>缺失或不是文本</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/landclasses.py" line="206"/>
        <source>repeats code {code}</source>
        <translation>重复了编码 {code}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/landclasses.py" line="209"/>
        <source>names an unknown first-level class</source>
        <translation>引用了未知的一级类</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/landclasses.py" line="211"/>
        <source>must be one of agricultural, construction, unused</source>
        <translation>必须是 agricultural（农用地）、construction（建设用地）、unused（未利用地）之一</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/landclasses.py" line="213"/>
        <source>names an unknown code</source>
        <translation>引用了未知的编码</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/landclasses.py" line="223"/>
        <source>lists unknown codes: {codes}</source>
        <translation>列出了未知编码：{codes}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/pieces.py" line="72"/>
        <source>Invalid overlay filter expression “{expr}”: {error}</source>
        <translation>叠加图层筛选表达式“{expr}”无效：{error}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/area.py" line="72"/>
        <source>Cannot measure areas: the coordinate reference system is missing or invalid.</source>
        <translation>无法计算面积：坐标参考系缺失或无效。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/stats_xlsx.py" line="54"/>
        <source>Base (rows) / current (columns)</source>
        <translation>基期（行）/ 现状（列）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="236"/>
        <source>Feature {fid} (parcel {parcel}) has an invalid geometry; it is written as it is and will be rejected at filing.</source>
        <translation>要素 {fid}（地块 {parcel}）的几何图形无效；已按原样写出，报部时将被拒绝。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/consistency.py" line="74"/>
        <source>TBDLMJ = TBMJ − KCMJ</source>
        <translation>图斑地类面积 TBDLMJ = 图斑面积 TBMJ − 扣除地类面积 KCMJ</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/consistency.py" line="75"/>
        <source>KCMJ = TBMJ × KCXS</source>
        <translation>扣除地类面积 KCMJ = 图斑面积 TBMJ × 扣除地类系数 KCXS</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/consistency.py" line="76"/>
        <source>TBMJ = measured ellipsoidal area</source>
        <translation>图斑面积 TBMJ = 实测椭球面积</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/consistency.py" line="104"/>
        <source>Layer “{layer}”, {check}: {failed} of {checked} parcels outside tolerance</source>
        <translation>图层“{layer}”，{check}：{checked} 个图斑中有 {failed} 个超出限差</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/consistency.py" line="108"/>
        <source>  feature {fid} {label}: expected {expected:.2f}, found {actual:.2f} (difference {diff:+.2f} m²)</source>
        <translation>  要素 {fid} {label}：应为 {expected:.2f}，实为 {actual:.2f}（差值 {diff:+.2f} 平方米）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/consistency.py" line="113"/>
        <source>Layer “{layer}”: {count} parcels have no geometry (area 0).</source>
        <translation>图层“{layer}”：{count} 个图斑没有几何图形（面积按 0 计）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="180"/>
        <source>{layer}: none of the fields {fields}; every feature counted for {indicator}</source>
        <translation>{layer}：没有字段 {fields} 中的任何一个；{indicator} 计入全部要素</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="185"/>
        <source>{indicator}: only {layer} features with {field} in ({values})</source>
        <translation>{indicator}：仅计 {layer} 中 {field} 为（{values}）的要素</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicator_defs.py" line="131"/>
        <source>and only_values go together</source>
        <translation>必须与 only_values 同时给出</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="276"/>
        <source>Layer “{layer}” has no coordinate reference system. Set its CRS (survey data: EPSG:4490, EPSG:4547 or EPSG:4526) and run again.</source>
        <translation>图层“{layer}”没有坐标参考系。请设置其坐标系（三调数据通常为 EPSG:4490、EPSG:4547 或 EPSG:4526）后重新运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="287"/>
        <source>Layer “{layer}” is declared {declared} but its coordinates (x {x_min:.0f} … {x_max:.0f}) do not fit it: {diagnosis}. Set the layer CRS to {suggestion} (Layer Properties → Source) and run again.</source>
        <translation>图层“{layer}”声明的坐标系为 {declared}，但其坐标（x {x_min:.0f} … {x_max:.0f}）与之不符：{diagnosis}。请将图层坐标系设为 {suggestion}（图层属性 → 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="315"/>
        <source>looks like longitude/latitude degrees: {crs}</source>
        <translation>看起来是经纬度（度）：{crs}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="317"/>
        <source>looks like zone {zone} with prefix: {crs}</source>
        <translation>看起来是带带号的第 {zone} 带：{crs}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="325"/>
        <source>looks like zone {zone} without prefix: {crs}</source>
        <translation>看起来是不带带号的第 {zone} 带：{crs}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="43"/>
        <source>Cultivated land balance ledger</source>
        <translation>耕地占补平衡台账</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="75"/>
        <source>Construction projects occupying land</source>
        <translation>占用耕地的建设项目</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="77"/>
        <source>Approval year field</source>
        <translation>批准年度字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="80"/>
        <source>Replenishment projects</source>
        <translation>补充耕地项目</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="82"/>
        <source>Filing year field</source>
        <translation>备案年度字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="85"/>
        <source>Status field (accepted: 已验收/通过/已备案)</source>
        <translation>状态字段（已验收/通过/已备案 视为已验收）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="102"/>
        <source>From year</source>
        <translation>起始年度</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="102"/>
        <source>To year</source>
        <translation>截止年度</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="106"/>
        <source>Balance ledger</source>
        <translation>占补平衡台账</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="108"/>
        <source>Excel ledger</source>
        <translation>Excel 台账</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="117"/>
        <source>The occupation, replenishment and DLTB layers are required.</source>
        <translation>必须提供占用项目、补充耕地项目和地类图斑图层。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="143"/>
        <source>The ledger was canceled; no results were written.</source>
        <translation>台账计算已取消，未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="92"/>
        <source>Water sources</source>
        <translation>灌溉水源</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/minestats.py" line="264"/>
        <source>Licensed producing mines: mining rights whose status ({field}) says producing; green: the flag {flag}.</source>
        <translation>持证在采矿山：生产状态（{field}）为生产的采矿权；绿色矿山：标志字段 {flag}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/paddy.py" line="63"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} are already paddy (0101): no new paddy there</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）已是水田（0101）：该部分不新增水田</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/paddy.py" line="84"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} lie on land class {code} {name}, which cannot become paddy</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于地类 {code} {name}，该地类不得垦造为水田</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/paddy.py" line="105"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} are steeper than {degrees}° (slope grade {grade}): no paddy allowed</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）坡度大于 {degrees}°（坡度级别 {grade}）：不得垦造水田</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/paddy.py" line="110"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} are steeper than {degrees}° (slope grade {grade}): terraces only, check the design</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）坡度大于 {degrees}°（坡度级别 {grade}）：只能建梯田，请核查设计</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/paddy.py" line="160"/>
        <source>A contiguous block of {area_m2} m² ({area_mu} mu) of project {project} is smaller than {minimum} mu (parcels up to {gap} m apart count as one block; {count} block(s) in all)</source>
        <translation>项目 {project} 的一个连片地块面积 {area_m2} 平方米（{area_mu} 亩），小于 {minimum} 亩（间距不超过 {gap} 米的地块视为连片；共 {count} 片）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/paddy.py" line="173"/>
        <source>No irrigation water source (river, reservoir, pond, ditch or water layer) within {distance} m of project {project} ({area_m2} m², {area_mu} mu)</source>
        <translation>项目 {project} 周边 {distance} 米内无灌溉水源（河流、水库、坑塘、沟渠或水源图层）（{area_m2} 平方米，{area_mu} 亩）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/paddy.py" line="213"/>
        <source>{count} geological hazard point(s) within {distance} m of project {project} (nearest {nearest} m); {area_m2} m² ({area_mu} mu) of the project lie within that distance</source>
        <translation>项目 {project} 周边 {distance} 米内有 {count} 个地质灾害隐患点（最近 {nearest} 米）；项目有 {area_m2} 平方米（{area_mu} 亩）位于该距离内</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/mine.py" line="226"/>
        <source>core zone of {names}: no engineering works</source>
        <translation>{names}核心保护区：不得实施工程措施</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/mine.py" line="230"/>
        <source>in sight or near hazards: {reasons}</source>
        <translation>位于可视范围内或邻近地质灾害隐患点：{reasons}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/mine.py" line="232"/>
        <source>out of sight of roads, rivers, towns and protected areas; no hazard point nearby</source>
        <translation>不在道路、河流、城镇和自然保护地的可视范围内；附近无地质灾害隐患点</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/mine.py" line="257"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} lie on mining rights valid on {date} ({rights}): the right holder restores them, not public money</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于 {date} 仍有效的采矿权内（{rights}）：应由矿权人治理，不得使用财政资金</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/mine.py" line="298"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} lie on no legacy-mine parcel</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）不在任何历史遗留矿山图斑上</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/mine.py" line="329"/>
        <source>{area_m2} m² ({area_mu} mu) of engineering works of project {project} lie in the core zone of {names}: only natural recovery is allowed there</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）工程措施位于{names}核心保护区内：该区域只允许自然恢复</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/mine.py" line="342"/>
        <source>Geological hazard points inside project {project} or within {metres} m ({hazards}): hazard treatment must be included</source>
        <translation>项目 {project} 内或 {metres} 米范围内有地质灾害隐患点（{hazards}）：必须包含隐患治理</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/area.py" line="97"/>
        <source>{empty} null or empty geometries and {other} points or lines were measured as 0 m².</source>
        <translation>{empty} 个空几何或空图形、{other} 个点或线的面积按 0 平方米计。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/minestats.py" line="31"/>
        <source>Mine restoration and green mine statistics</source>
        <translation>矿山修复与绿色矿山统计</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/minestats.py" line="61"/>
        <source>Restoration project parcels</source>
        <translation>修复项目地块</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/minestats.py" line="67"/>
        <source>Mine restoration statistics</source>
        <translation>矿山修复统计</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="16"/>
        <source>Mine restoration</source>
        <translation>矿山修复</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="17"/>
        <source>Legacy parcels</source>
        <translation>遗留矿山图斑数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="18"/>
        <source>Legacy-mine area ({unit})</source>
        <translation>历史遗留矿山面积（{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="19"/>
        <source>Treated ({unit})</source>
        <translation>已治理（{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="20"/>
        <source>Untreated ({unit})</source>
        <translation>未治理（{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="29"/>
        <source>Under a restoration project ({unit})</source>
        <translation>修复项目覆盖（{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="22"/>
        <source>Restoration rate (%)</source>
        <translation>修复率（%）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="37"/>
        <source>Licensed producing mines</source>
        <translation>持证在采矿山</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="22"/>
        <source>Green mines</source>
        <translation>绿色矿山</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="23"/>
        <source>Green-mine share (%)</source>
        <translation>绿色矿山比例（%）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="24"/>
        <source>Mine restoration and green mines (unit: {unit})</source>
        <translation>矿山修复与绿色矿山（单位：{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="29"/>
        <source>Parcel number</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="38"/>
        <source>Mine name</source>
        <translation>矿山名称</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="29"/>
        <source>Area ({unit})</source>
        <translation>面积（{unit}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="29"/>
        <source>Verified area hsmj (m²)</source>
        <translation>核实面积 hsmj（平方米）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="29"/>
        <source>Treated</source>
        <translation>已治理</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="38"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="38"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="36"/>
        <source>Producing mines</source>
        <translation>在采矿山</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="38"/>
        <source>Licence number</source>
        <translation>许可证号</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="38"/>
        <source>Production status</source>
        <translation>生产状态</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="38"/>
        <source>Green mine</source>
        <translation>绿色矿山</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/minestats_xlsx.py" line="38"/>
        <source>Valid to</source>
        <translation>有效期止</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/pdf_sheets.py" line="112"/>
        <source>The run was canceled: no output was written.</source>
        <translation>运行已取消：未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/common.py" line="206"/>
        <source>{n} invalid polygon(s) in “{layer}” were repaired (makeValid) for measuring; fix them in the source data. Feature id(s): {fids}</source>
        <translation>图层“{layer}”中有 {n} 个无效多边形已修复（makeValid）后计算面积；请在源数据中改正。要素编号：{fids}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkmine.py" line="37"/>
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
        <location filename="../sg_nr_plugin/core/checks/mine.py" line="265"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} lie on mining rights expired before {date} or cancelled ({rights}): check that they were cancelled and who must restore the land</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）位于 {date} 前已过期或已注销的采矿权内（{rights}）：请核实是否已注销及治理责任主体</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/inputs.py" line="131"/>
        <source>Layer “{layer}” has no .cpg file and its text is not readable as {encoding} (a GBK shapefile?). Set Layer Properties → Source → Data source encoding to GBK, or put a file {cpg} containing the word GBK beside the .shp, and run again.</source>
        <translation>图层“{layer}”没有 .cpg 文件，其文字无法按 {encoding} 读取（可能是 GBK 编码的 Shapefile）。请在 图层属性 → 源 → 数据源编码 中设为 GBK，或在 .shp 旁放置内容为 GBK 的文件 {cpg}，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/inputs.py" line="138"/>
        <source>Layer “{layer}” has no .cpg file and its text is readable neither in the system encoding nor as GBK. Put a file {cpg} naming its encoding beside the .shp.</source>
        <translation>图层“{layer}”没有 .cpg 文件，其文字既无法按系统编码读取，也无法按 GBK 读取。请在 .shp 旁放置注明其编码的文件 {cpg}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/inputs.py" line="143"/>
        <source>Layer “{layer}” has no .cpg file; its text was read as GBK. Put a file {cpg} containing the word GBK beside the .shp to make this explicit.</source>
        <translation>图层“{layer}”没有 .cpg 文件，其文字已按 GBK 读取。请在 .shp 旁放置内容为 GBK 的文件 {cpg}，以明确编码。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="269"/>
        <source>No project of “{layer}” is selected.</source>
        <translation>图层“{layer}”中没有选中的项目。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/inputs.py" line="118"/>
        <source>Layer “{layer}” holds {kind} features; “{parameter}” needs a polygon layer.</source>
        <translation>图层“{layer}”的要素为 {kind}；“{parameter}”需要面图层。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="97"/>
        <source>Land-survey parcels (DLTB) before the projects, e.g. the base vintage</source>
        <translation>项目实施前的地类图斑（DLTB），如基期年度数据</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_dock.py" line="227"/>
        <source>Not checked (input not given): {rules}</source>
        <translation>未核查（未提供输入）：{rules}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/common.py" line="264"/>
        <source>{n} parcel(s) of “{layer}” repeat the identifier (BSM) of another parcel (duplicated features?); they are counted as delivered. BSM: {ids}</source>
        <translation>图层“{layer}”中有 {n} 个图斑与其他图斑的标识码（BSM）重复（要素重复？），已按原样统计。BSM：{ids}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="121"/>
        <source>Import projects from coordinate files…</source>
        <translation>从坐标文件导入项目…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/coord_import.py" line="23"/>
        <source>Import projects from coordinate files</source>
        <translation>从坐标文件导入项目</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/coord_import.py" line="23"/>
        <source>Coordinate files (*.txt)</source>
        <translation>坐标文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/coord_import.py" line="33"/>
        <source>Importing {n} coordinate file(s)…</source>
        <translation>正在导入 {n} 个坐标文件…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/coord_import.py" line="33"/>
        <source>The import could not start.</source>
        <translation>无法开始导入。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/coord_import.py" line="49"/>
        <source>{parcels} parcel(s) imported, {errors} file error(s): see the Processing log for the lines.</source>
        <translation>已导入 {parcels} 个地块，文件错误 {errors} 处：具体行号见处理日志。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/inputs.py" line="63"/>
        <source>The outputs “{first}” and “{second}” both write “{path}”: one would replace the other. Choose a different file for each.</source>
        <translation>输出“{first}”和“{second}”写入同一个文件“{path}”：后者会覆盖前者。请为每个输出选择不同的文件。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/inputs.py" line="73"/>
        <source>The output “{output}” (“{path}”) is the file of the input “{layer}” (parameter “{parameter}”): writing it would destroy the input. Choose another file.</source>
        <translation>输出“{output}”（“{path}”）是输入“{layer}”（参数“{parameter}”）的文件：写入会破坏输入数据。请选择其他文件。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/errors.py" line="56"/>
        <source>Cannot write “{path}”: {reason}</source>
        <translation>无法写入“{path}”：{reason}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/files.py" line="112"/>
        <source>the file name is too long ({length} bytes in “{name}…”; file systems allow at most 255 bytes per name and Windows 260 characters per path). Choose a shorter name or folder.</source>
        <translation>文件名过长（“{name}…”为 {length} 字节；文件系统每个名称最多 255 字节，Windows 路径最多 260 个字符）。请选择更短的文件名或文件夹。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/files.py" line="118"/>
        <source>the disk is full (no space left on the device). Free some space or choose another disk, and run again.</source>
        <translation>磁盘已满（设备上没有剩余空间）。请释放空间或选择其他磁盘后重新运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/files.py" line="120"/>
        <source>your disk quota is used up. Free some space or choose another disk, and run again.</source>
        <translation>磁盘配额已用完。请释放空间或选择其他磁盘后重新运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/files.py" line="123"/>
        <source>permission denied: your account may not write in this folder or replace this file. Choose another folder or ask for write access.</source>
        <translation>权限不足：当前账户无权在此文件夹中写入或替换此文件。请选择其他文件夹或申请写入权限。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/files.py" line="126"/>
        <source>operation not permitted: the file or folder is protected (read-only or immutable). Choose another folder or ask for write access.</source>
        <translation>操作不被允许：文件或文件夹受保护（只读或不可修改）。请选择其他文件夹或申请写入权限。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/files.py" line="129"/>
        <source>the disk is read-only. Choose a folder on a writable disk.</source>
        <translation>磁盘为只读。请选择可写磁盘上的文件夹。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/files.py" line="130"/>
        <source>a part of the path is a file, not a folder. Choose another folder.</source>
        <translation>路径中的某一部分是文件而不是文件夹。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/files.py" line="132"/>
        <source>it is a folder. Choose a file name.</source>
        <translation>这是一个文件夹。请选择文件名。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/access.py" line="32"/>
        <source>Layer “{layer}” could not be opened: its data source “{source}” is missing, damaged or not readable. Check the file or table and load it again.</source>
        <translation>图层“{layer}”无法打开：其数据源“{source}”不存在、已损坏或不可读取。请检查文件或数据表后重新加载。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/access.py" line="77"/>
        <source>Layer “{layer}”: cannot connect to the database “{database}” to read table {table} ({error}). Check the connection settings and that the server runs.</source>
        <translation>图层“{layer}”：无法连接数据库“{database}”以读取数据表 {table}（{error}）。请检查连接设置及服务器是否运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/access.py" line="85"/>
        <source>Layer “{layer}”: table {table} does not exist in database “{database}”. Check the schema and table name, or load the layer again.</source>
        <translation>图层“{layer}”：数据库“{database}”中不存在数据表 {table}。请检查模式和表名，或重新加载图层。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/access.py" line="89"/>
        <source>Layer “{layer}”: the database role “{role}” lacks permission to use schema “{schema}” (USAGE). Ask the database administrator for GRANT USAGE ON SCHEMA {schema} TO {role}, or connect as a role that may read it.</source>
        <translation>图层“{layer}”：数据库角色“{role}”没有使用模式“{schema}”的权限（USAGE）。请数据库管理员执行 GRANT USAGE ON SCHEMA {schema} TO {role}，或改用有读取权限的角色连接。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/access.py" line="94"/>
        <source>Layer “{layer}”: the database role “{role}” lacks permission to read table {table} (SELECT). Ask the database administrator for GRANT SELECT ON {table} TO {role}, or connect as a role that may read it.</source>
        <translation>图层“{layer}”：数据库角色“{role}”没有读取数据表 {table} 的权限（SELECT）。请数据库管理员执行 GRANT SELECT ON {table} TO {role}，或改用有读取权限的角色连接。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/access.py" line="98"/>
        <source>Layer “{layer}”: table {table} exists and may be read, but QGIS could not open it (no geometry column or primary key it recognises?). Load it again from the Browser.</source>
        <translation>图层“{layer}”：数据表 {table} 存在且可读取，但 QGIS 无法打开（缺少可识别的几何列或主键？）。请从浏览器面板重新加载。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/outputs.py" line="188"/>
        <source>Output “{parameter}”: “{value}” would create a file named “{value}…”. To write layer {layer} into {path}, give ogr:dbname='{path}' table=&quot;{layer}&quot;; otherwise give the file name only.</source>
        <translation>输出“{parameter}”：“{value}”会创建一个名为“{value}…”的文件。要将图层 {layer} 写入 {path}，请填写 ogr:dbname='{path}' table=&quot;{layer}&quot;；否则只填写文件名。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_detection.py" line="87"/>
        <source>Layer “{layer}” fits several roles ({roles}): choose it in the right picker.</source>
        <translation>图层“{layer}”的名称符合多个用途（{roles}），未自动指定：请在相应的选择框中选择。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_detection.py" line="163"/>
        <source>“{chosen}” was chosen for “{role}”; “{others}” fit too.</source>
        <translation>“{role}”选用了“{chosen}”；“{others}”也符合。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="78"/>
        <source>{label} (empty: {names}…)</source>
        <translation>{label}（留空：{names}…）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="234"/>
        <source>Declared area field of “{layer}”: “{field}” (found by its name; choose another in “Declared area field”)</source>
        <translation>“{layer}”的申报面积字段：“{field}”（按字段名识别；如不对，请在“申报面积字段”中另选）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="242"/>
        <source>Layer “{layer}” has no protected-area zone field ({names}…): core zones cannot be told apart. Choose the field in “{label}”.</source>
        <translation>图层“{layer}”没有自然保护地功能分区字段（{names}…），无法区分核心保护区。请在“{label}”中选择该字段。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/landusesummary.py" line="65"/>
        <source>Second-survey (二调) parcels, recognised from their fields (XZDWMJ, LXDWMJ, TKXS) and codes (011…205, also as numbers), are summed by 二调 class; 田坎 (TKMJ) is row 123 and the linear (XZDWMJ) and scattered (LXDWMJ) areas are rows 线状地物 and 零星地物, so the table still closes on ΣTBMJ; a note says so.</source>
        <translation>二调图斑（依据字段 XZDWMJ、LXDWMJ、TKXS 和地类编码 011…205 识别，编码为数值型也可）按二调地类汇总；田坎（TKMJ）为 123 行，线状地物（XZDWMJ）和零星地物（LXDWMJ）面积单列为“线状地物”“零星地物”行，使汇总表仍与 ΣTBMJ 闭合；备注中会说明。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="68"/>
        <source>Writes polygons (all features, or the selected ones when “Selected features only” is ticked) as project coordinate files in the ministry's 报部坐标 .txt exchange format.

Files: one file per project (the project field's value, made safe as a file name) or one file holding every parcel (named by the file name parameter).
Fields: choose which attributes give the project, parcel number, name, land class, use and declared area. Unset, the importer's fields (XMBH, DKBH, DKMC, DLBM, DKYT, TFH, and DKMJ in a layer the importer wrote) are used when the layer has them; parcels without a number are numbered 1, 2, 3… in each file.
Geometry: each feature is one parcel (地块). Points are named J1, J2… through all rings of the parcel; rings are numbered 1 (outer), 2, 3…; each ring ends on its first point. Outer rings run clockwise and holes counter-clockwise as seen on the map (north up), which is clockwise in the surveyors' X-north/Y-east frame. Coordinates have 4 decimals, X = northing first, Y = easting (with the zone prefix unless unticked), in the CGCS2000 3-degree Gauss-Kruger zone of the layer (or of its centre when the layer is in another system). A feature with a NaN or infinite vertex, or one outside any zone, is not written: it is named in the log and counted.
Area: the declared area field (公顷) when there is one, else the ellipsoidal area in 公顷 (4 decimals) from the plugin's area engine. A declared figure about 10 000 or 15 times the measured hectares (m² or 亩) stops the export.
Header: 数据产生单位 and 数据产生日期 from the parameters, else from an imported layer (SCDW, SCRQ), else empty and today; extra header keys and fields of an imported layer are written back; encoding GBK (the monitoring system's) or UTF-8. Each file is written to a temporary name and then moved into place.
Folder: .txt files an earlier export wrote there and this one does not write again are removed; other .txt files (or files changed since) stop the export: choose an empty folder.</source>
        <translation>将多边形（全部要素，或勾选“仅选中要素”时的选中要素）写成自然资源部报部坐标 .txt 交换格式的项目坐标文件。

文件：每个项目一个文件（以项目字段的值命名，并处理成安全的文件名），或所有地块写入一个文件（以文件名参数命名）。
字段：选择项目、地块编号、名称、地类、用途和申报面积取自哪些属性。未设置时，若图层有导入工具生成的字段（XMBH、DKBH、DKMC、DLBM、DKYT、TFH，以及导入工具生成图层中的 DKMJ）则使用它们；没有编号的地块在每个文件中按 1、2、3… 编号。
图形：每个要素为一个地块。界址点按 J1、J2… 在地块所有圈中连续命名；圈号为 1（外圈）、2、3…；每圈以首点闭合。外圈在地图上（上北）按顺时针、内圈按逆时针，即测量坐标系（X 北、Y 东）中的顺时针。坐标保留 4 位小数，X 为北坐标在前，Y 为东坐标（除非取消勾选，否则带带号），采用图层所在的 CGCS2000 3 度高斯-克吕格带（图层为其他坐标系时取其范围中心所在带）。含 NaN、无穷大顶点或位于任何投影带之外的要素不写出：在日志中列出并计数。
面积：有申报面积字段（公顷）时写申报面积，否则写插件面积引擎计算的椭球面积（公顷，4 位小数）。申报数值约为实测公顷数的 10 000 倍或 15 倍（平方米或亩）时停止导出。
文件头：数据产生单位和数据产生日期取自参数，否则取自导入的图层（SCDW、SCRQ），否则为空和当天；导入图层的额外文件头键和额外字段会写回；编码为 GBK（监管系统使用）或 UTF-8。每个文件先写入临时文件名，再移动到位。
文件夹：以前导出写入、本次不再写出的 .txt 文件会被删除；其他 .txt 文件（或此后被修改的文件）会使导出停止：请选择空文件夹。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="105"/>
        <source>Declared area field (公顷; empty: the measured area)</source>
        <translation>申报面积字段（公顷；为空：写实测面积）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="117"/>
        <source>Date (数据产生日期; empty: an imported layer's, else today)</source>
        <translation>日期（数据产生日期；为空：取导入图层的日期，否则为当天）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="128"/>
        <source>Features not written (invalid coordinates)</source>
        <translation>未写出的要素（坐标无效）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="130"/>
        <source>Files of the previous export removed</source>
        <translation>已删除的上次导出文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="207"/>
        <source>Layer “{layer}”, feature {fid} (parcel {parcel}): {problem}; the feature is not written.</source>
        <translation>图层“{layer}”，要素 {fid}（地块 {parcel}）：{problem}；该要素未写出。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="212"/>
        <source>{count} feature(s) of layer “{layer}” were not written because of invalid coordinates (see above): the files lack these parcels.</source>
        <translation>图层“{layer}”有 {count} 个要素因坐标无效未写出（见上文）：文件中缺少这些地块。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="224"/>
        <source>Layer “{layer}”, feature {fid} (parcel {parcel})</source>
        <translation>图层“{layer}”，要素 {fid}（地块 {parcel}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="242"/>
        <source>Nothing was exported: the {count} feature(s) with a polygon geometry all have invalid coordinates (see above).</source>
        <translation>未导出任何内容：{count} 个多边形要素的坐标全部无效（见上文）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="259"/>
        <source>The output folder “{folder}” already holds {count} .txt file(s) this export did not write (or that were changed since): {names}. They would be mixed with the new files: choose an empty folder, or move these files away.</source>
        <translation>输出文件夹“{folder}”中已有 {count} 个不是本导出写入（或此后被修改）的 .txt 文件：{names}。它们会与新文件混在一起：请选择空文件夹，或将这些文件移走。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="277"/>
        <source>Could not remove “{file}” of the previous export: {reason}</source>
        <translation>无法删除上次导出的“{file}”：{reason}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/exportcoordtxt.py" line="281"/>
        <source>{count} file(s) of the previous export to this folder were removed (not part of this export).</source>
        <translation>已删除上次导出到此文件夹的 {count} 个文件（不属于本次导出）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/changematrix.py" line="54"/>
        <source>A second-survey (二调) vintage against a 三调 one: the 二调 classes are mapped through the crosswalk resources/data/crosswalk_second_third.json to the 三调 class or group of the chosen level; a 二调 class whose 三调 split is unknown keeps its group (031 有林地 → 03 林地, 201–203 → 20 城镇村及工矿用地). The notes say so.</source>
        <translation>二调数据与三调数据对比：二调地类通过地类对照表 resources/data/crosswalk_second_third.json 对应到所选层级的三调地类或类别；三调细分未知的二调地类保留其所属类别（031 有林地 → 03 林地，201–203 → 20 城镇村及工矿用地）。备注中会说明。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="49"/>
        <source>The cultivated-land balance ledger: per region and year, cultivated land occupied by construction projects against new cultivated land replenished by accepted replenishment projects.

Occupied: the cultivated land (0101/0102/0103, net of field ridges) of DLTB under the OCCUPATION projects, by their approval year; of which paddy; and the area-weighted quality grade (GDDB) when DLTB has it. Where occupation projects of one year overlap, their common land is counted once.

Replenished: new cultivated land and new paddy of the accepted REPLENISHMENT projects, by their filing year. A projects layer written by the farmland check (fields new_cultivated_m2, new_paddy_m2, grade, zldwdm, verdict) is read as it is; any other projects layer is checked here with the farmland rules against DLTB (planned class 0101 = new paddy). Accepted: the status field (empty: the first of ZT, 状态, 项目状态, 验收状态… found) holds a value the status vocabulary lists as accepted (已验收, 通过验收, 验收, 已备案, 已入库…) or one of the accepted values given; without a status field, the verdict field must say pass. A status value the vocabulary does not know is left out and reported with its field and count.

Region: the location code ZLDWDM of the DLTB parcels at the chosen level. Balances = replenished − occupied, for quantity and for paddy; negative balances are red in the Excel ledger, which ends with a totals row. Areas are ellipsoidal (CGCS2000), in m² and mu.</source>
        <translation>耕地占补平衡台账：按行政区和年度，比较建设项目占用的耕地与已验收补充耕地项目新增的耕地。

占用：OCCUPATION 建设项目范围内地类图斑（DLTB）中的耕地（0101/0102/0103，扣除田坎），按批准年度统计；其中水田；DLTB 有耕地等别（GDDB）时计算面积加权平均等别。同一年度相互重叠的占用项目，重叠部分只计一次。

补充：已验收的 REPLENISHMENT 补充耕地项目的新增耕地和新增水田，按备案年度统计。补充耕地核查输出的项目图层（含 new_cultivated_m2、new_paddy_m2、grade、zldwdm、verdict 字段）直接读取；其他项目图层则在此按补充耕地核查规则与 DLTB 叠加计算（规划地类 0101 = 新增水田）。已验收：状态字段（未选择时取 ZT、状态、项目状态、验收状态… 中第一个存在的字段）的值在状态词表中列为已验收（已验收、通过验收、验收、已备案、已入库…），或为参数中给出的已验收值之一；无状态字段时，结论字段须为 pass。词表中没有的状态值不计入，并按字段和个数报告。

行政区：按所选级别截取地类图斑的坐落单位代码 ZLDWDM。平衡 = 补充 − 占用，分别计算数量和水田；Excel 台账中负的平衡值标红，最后一行为合计。面积为椭球面积（CGCS2000），单位为平方米和亩。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="83"/>
        <source>Status value(s) of accepted projects, added to the status vocabulary</source>
        <translation>已验收项目的状态值（补充到状态词表）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="168"/>
        <source>Project status read from field {field}.</source>
        <translation>项目状态取自字段 {field}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/balanceledger.py" line="170"/>
        <source>The replenishment projects have no status field ({names}) and no verdict: every project is counted as accepted. Choose the status field if some are not accepted yet.</source>
        <translation>补充耕地项目没有状态字段（{names}）也没有结论字段：所有项目均按已验收计。如有项目尚未验收，请选择状态字段。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="57"/>
        <source>Reads project coordinate files (the ministry's 报部坐标 .txt exchange format) into a polygon layer, one feature per parcel (地块), and checks them.

Input: one or more .txt files and/or a folder (all .txt files in it). GBK, UTF-8 (with or without BOM) and UTF-16 with BOM are detected; the log says which encoding each file had.
Variants other writers produce are read, each with a warning: full-width punctuation and digits (，＠１【属性描述】), the easting written before the northing (AXIS_ORDER: auto from the magnitudes, or forced), points without a parcel header line, headers without the point count, areas with a unit suffix (公顷, 亩, 平方米, m2, ha), declared areas in m² or 亩 without suffix (auto: detected when the figure is about 10 000 or 15 times the measured hectares; or set DECLARED_AREA_UNIT), ring numbers restarted at 1 for each part, extra header fields (浙江) and extra header keys ([项目信息]).
Coordinate system: from the header (2000国家大地坐标系, 几度分带, 带号) and the Y values — EPSG:4488+zone when Y carries the zone prefix, EPSG:4509+zone (CM form) otherwise. Give the CRS override for other systems. Files in different systems are transformed to the first file's system (or the override).
Rings: ring number 1 is the outer ring; the other rings become holes or further parts depending on whether they lie inside another ring.
Checks, each reported with file and line: missing or contradictory header keys (带号 against the Y prefix), point count against listed points, unclosed rings, rings with fewer than 4 points, self-intersections, duplicate parcel numbers, declared area against the ellipsoidal area beyond the tolerance, X and Y swapped within a parcel. A parcel that cannot be read is skipped with a message; the rest is imported.
Outputs: the parcel layer (fields JZDS point count, DKMJ declared area ha, JSMJ measured area ha, DKBH, DKMC, TXSX, TFH, DKYT, DLBM, SCDW, SCRQ, ZBX, DH, WJM file name, XMBH project id = file name without .txt, BM encoding, KZZD extra header fields, KZSX extra header keys) and an optional report table of all messages. The export writes DKMJ, SCDW, SCRQ, KZZD and KZSX back.</source>
        <translation>将项目坐标文件（自然资源部报部坐标 .txt 交换格式）读入多边形图层，每个地块一个要素，并进行检查。

输入：一个或多个 .txt 文件和/或一个文件夹（其中所有 .txt 文件）。自动识别 GBK、UTF-8（带或不带 BOM）和带 BOM 的 UTF-16；日志会说明每个文件的编码。
其他软件生成的变体也能读取，并各给出警告：全角标点和数字（，＠１【属性描述】）、东坐标写在北坐标之前（AXIS_ORDER：按数值大小自动判断，或强制指定）、没有地块头行的界址点、没有界址点数的地块头行、带单位后缀的面积（公顷、亩、平方米、m2、ha）、不带后缀但以平方米或亩申报的面积（自动：数值约为实测公顷数的 10 000 倍或 15 倍时识别；或设置 DECLARED_AREA_UNIT）、每个部分圈号都从 1 重新开始、额外的地块头字段（浙江）和额外的文件头键（[项目信息]）。
坐标系：根据文件头（2000国家大地坐标系、几度分带、带号）和 Y 值确定——Y 带带号时为 EPSG:4488+带号，否则为 EPSG:4509+带号（中央经线形式）。其他坐标系请指定坐标系覆盖参数。不同坐标系的文件会转换到第一个文件的坐标系（或覆盖的坐标系）。
圈：圈号 1 为外圈；其他圈根据是否位于另一圈内成为内环（洞）或另一部分。
检查（均报告文件和行号）：文件头键缺失或矛盾（带号与 Y 的带号前缀）、界址点数与所列点数不符、圈未闭合、圈少于 4 个点、自相交、地块编号重复、申报面积与椭球面积之差超出容差、同一地块内 X 与 Y 互换。无法读取的地块会跳过并给出消息；其余照常导入。
输出：地块图层（字段 JZDS 界址点数、DKMJ 申报面积（公顷）、JSMJ 计算面积（公顷）、DKBH、DKMC、TXSX、TFH、DKYT、DLBM、SCDW、SCRQ、ZBX、DH、WJM 文件名、XMBH 项目编号 = 不含 .txt 的文件名、BM 编码、KZZD 额外地块头字段、KZSX 额外文件头键）以及可选的全部消息报告表。导出会将 DKMJ、SCDW、SCRQ、KZZD 和 KZSX 写回。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="101"/>
        <source>Axis order of the point lines</source>
        <translation>界址点行的坐标顺序</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="101"/>
        <source>Auto (from the magnitudes)</source>
        <translation>自动（按数值大小）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="101"/>
        <source>Northing (X) first</source>
        <translation>北坐标（X）在前</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="101"/>
        <source>Easting (Y) first</source>
        <translation>东坐标（Y）在前</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="105"/>
        <source>Unit of declared areas without a unit suffix</source>
        <translation>不带单位后缀的申报面积的单位</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="105"/>
        <source>Auto (公顷; m² or 亩 when the figures say so)</source>
        <translation>自动（公顷；数值表明为平方米或亩时按其读取）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/importcoordtxt.py" line="105"/>
        <source>公顷 (ha)</source>
        <translation>公顷（ha）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/units.py" line="58"/>
        <source>亩</source>
        <translation>亩</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/dltbquality.py" line="31"/>
        <source>DLTB data health check</source>
        <translation>数据体检（地类图斑）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/dltbquality.py" line="34"/>
        <source>Checks a land-use status parcel layer (DLTB) before statistics are made from it, and lists every problem found, one row per finding: check id, severity (error, warning, info), BSM, feature id (feature_id), field, value and a message saying the fix.

Checks: profile (三调, 二调 or 变更 data, recognised from the fields and the codes, and which field is read as what); code_domain (land-class codes that are not in the table, with their parcel count and area); area_net (TBDLMJ against TBMJ − KCMJ, or TBMJ − TKMJ − XZDWMJ − LXDWMJ for 二调), area_deduction (KCMJ against TBMJ × KCXS), area_measured (TBMJ against the parcel's CGCS2000 ellipsoidal area: an error above 1 %, else a warning); duplicate_bsm (an identifier used twice); duplicate_geometry and overlap (parcels with different BSMs covering the same land by more than 0.1 m², found with a spatial index); invalid_geometry and no_geometry; missing_field.

Outputs: the findings table and optionally an Excel workbook with a summary sheet (profile, field mapping, findings by check) and the findings.</source>
        <translation>在用地类图斑（DLTB）做统计之前对其进行体检，列出发现的每个问题，每个问题一行：检查项编号、严重程度（error 错误、warning 警告、info 信息）、BSM、要素编号（feature_id）、字段、取值，以及说明如何修正的提示。

检查项：profile（识别数据类型：三调、二调或变更数据，依据字段和地类编码判断，并列出各字段被读作哪个标准字段）；code_domain（地类表中没有的地类编码，附图斑数和面积）；area_net（TBDLMJ 与 TBMJ − KCMJ 比较，二调数据为 TBMJ − TKMJ − XZDWMJ − LXDWMJ）、area_deduction（KCMJ 与 TBMJ × KCXS 比较）、area_measured（TBMJ 与图斑的 CGCS2000 椭球面积比较：相差超过 1% 为错误，否则为警告）；duplicate_bsm（标识码重复）；duplicate_geometry 和 overlap（BSM 不同的图斑覆盖同一块土地，重叠面积超过 0.1 m²，借助空间索引查找）；invalid_geometry 和 no_geometry（几何无效或缺失）；missing_field（缺少字段）。

输出：问题清单表，以及可选的 Excel 工作簿，含汇总表（数据类型、字段对应、各检查项的问题数）和问题清单。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/dltbquality.py" line="78"/>
        <source>{n} finding(s) at error level in “{layer}”.</source>
        <translation>“{layer}”中有 {n} 个错误级问题。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/minestats.py" line="34"/>
        <source>Restoration progress of legacy mines and the green-mine share of licensed producing mines, by region (the plan's indicator 13).

Legacy mines: the parcels of the national legacy-mine check (历史遗留矿山核查); field names are recognised in lower or upper case, in Chinese and in older provincial spellings (resources/data/schema/mine_legacy.json). Per region: parcel count, area, treated area (恢复治理情况 hfzlqk / zlzt: B, 已恢复治理, 完全修复…; a partly treated parcel, 部分修复, counts its treated share sdzlmj ÷ tbhdmj), untreated area, area under a restoration project (the project parcels dissolved, so overlapping projects count once) and the restoration rate = treated ÷ total × 100. A layer without a treatment status field is refused. A status value the vocabulary does not know is counted apart (unknown_status_area) and reported with its field and count; the rate of its region is then left empty.

Mining rights (optional): the rights whose production status says producing (生产/在采) are the licensed producing mines; those flagged as green mines give the green-mine share (%). Unknown status or flag values are reported.

Regions: by the administrative code (xzqdm / XZQDM) at the chosen level, or by a region polygon layer holding each parcel's interior point. Areas are measured on the CGCS2000 ellipsoid; the verified area hsmj is listed beside them.

Output: one row per region (areas in the chosen unit); optionally an Excel workbook with the same table and the lists behind every figure: the legacy parcels and the producing mines.</source>
        <translation>按区域统计历史遗留矿山修复进展和持证在采矿山中绿色矿山的比例（规划指标 13）。

历史遗留矿山：国家历史遗留矿山核查图斑；字段名小写、大写、中文及各省旧写法均可识别（resources/data/schema/mine_legacy.json）。每个区域统计：图斑数、面积、已治理面积（恢复治理情况 hfzlqk / zlzt：B、已恢复治理、完全修复…；部分修复的图斑按实地治理面积 sdzlmj ÷ 图斑核定面积 tbhdmj 计入已治理部分）、未治理面积、修复项目覆盖面积（项目地块先融合，重叠项目只计一次）和修复率 = 已治理 ÷ 总面积 × 100。缺少恢复治理情况字段的图层拒绝统计。词表中没有的状态值单独计入（unknown_status_area）并按字段和个数报告，所在区域的修复率留空。

采矿权（可选）：生产状态为生产（生产/在采）的采矿权即持证在采矿山；其中标为绿色矿山的给出绿色矿山比例（%）。未识别的生产状态或绿色矿山标志值会被报告。

区域：按行政区代码（xzqdm / XZQDM）在所选级别汇总，或按包含图斑内点的区域面图层。面积按 CGCS2000 椭球计算；核实面积 hsmj 并列列出。

输出：每个区域一行（面积为所选单位）；可选 Excel 工作簿，含同一表格及每个数字背后的清单：历史遗留矿山图斑和在采矿山。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/planindicators.py" line="73"/>
        <source>Second-survey (二调) DLTB: the class-set indicators count each 二调 class through the crosswalk resources/data/crosswalk_second_third.json (e.g. 116 内陆滩涂 and 125 沼泽地 as wetland); the notes say the basis is 二调 and which indicators are approximate.</source>
        <translation>二调地类图斑：按地类集合计算的指标通过地类对照表 resources/data/crosswalk_second_third.json 计入各二调地类（如 116 内陆滩涂和 125 沼泽地计入湿地）；备注说明统计口径为二调，以及哪些指标为近似值。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="39"/>
        <source>Checks paddy-field reclamation projects (垦造水田) before approval and before acceptance.

Each project is the union of its parcels in PROJECTS (grouped by the project id field). It is overlaid on the land survey (DLTB) and the control layers, and judged by the rule set (built-in Guangdong defaults, or a JSON file). Two kinds of work, mixed freely: upgrade (提质改造, dry or irrigated land to paddy: new paddy only) and reclamation (垦造, garden, other forest, grass and other allowed land to paddy: new cultivated land and new paddy).

Rules: existing_paddy (land already paddy: no gain, warning with the area), source_class (land classes the rule set does not allow, one error per class), slope (error above 25°, warning above 15° (unconfirmed); from the slope grade GDPDJB where the land is cultivated (grade 5 error, 4 warning), elsewhere from the steep-slope layer or the DEM), contiguity (parcels up to 5 m apart form one block; blocks under 50 mu (unconfirmed) are warnings), water_source (no river, reservoir, pond or ditch of DLTB, nor a feature of the water layer, within 500 m (unconfirmed): warning), hazard (a geological hazard point within 200 m: error), and the common rules geometry, outside_survey, duplicate_project, area_mismatch, eco_redline, protected_area, public_forest, urban_boundary. A rule whose layer is not given is reported as not checked, never as passed.

Verdict per project: fail (any error), needs fixing (warnings only), pass. Figures per project, in m² and mu: new paddy, new cultivated land (reclamation), upgrade, the kind (提质改造/垦造/混合), the number of blocks with the smallest and the largest, and the area by slope grade GDPDJB. Quotas leave out every conflict the rule set deducts (each piece counted once); areas are gross and ellipsoidal (CGCS2000).

The Excel report adds the plan progress: new paddy of accepted projects by county and in total, against the plan target of 10,000 mu. Accepted: a status value listed as accepted in the status vocabulary (已验收, 通过验收, 验收, 竣工验收, 已备案…; 立项, 实施, 在建, 竣工… are not accepted), plus the accepted value(s) given (several separated by commas). A status value in neither list is reported with its field and count and shown as unknown, never counted as not accepted.</source>
        <translation>在立项审批前和验收前核查垦造水田项目。

每个项目是 PROJECTS 中同一项目（按项目编号字段分组）所有地块的合并。项目与国土调查地类图斑（DLTB）及各管控图层叠加，按规则集（内置广东省默认规则，或 JSON 文件）判定。两类工程可在一个项目中混合：提质改造（旱地、水浇地改为水田：仅新增水田）和垦造（园地、其他林地、草地及其他允许的地类改为水田：新增耕地并新增水田）。

规则：existing_paddy（已是水田：无新增，警告并给出面积）、source_class（规则集不允许的地类，每个地类一条错误）、slope（坡度大于 25° 为错误，大于 15°（未确认）为警告；耕地按耕地坡度级别 GDPDJB 判定（5 级错误、4 级警告），其他地类按禁止开垦陡坡地图层或 DEM 判定）、contiguity（间距不超过 5 米的地块视为连片；小于 50 亩（未确认）的连片地块为警告）、water_source（500 米（未确认）内既无 DLTB 中的河流、水库、坑塘、沟渠，也无水源图层要素：警告）、hazard（200 米内有地质灾害隐患点：错误），以及通用规则 geometry、outside_survey、duplicate_project、area_mismatch、eco_redline、protected_area、public_forest、urban_boundary。未提供所需图层的规则报告为“未核查”，绝不视为通过。

每个项目的结论：不通过（有错误）、需整改（仅有警告）、通过。每个项目的指标（平方米和亩）：新增水田、新增耕地（垦造）、提质改造面积、类型（提质改造/垦造/混合）、连片地块数及最小和最大地块面积、按耕地坡度级别 GDPDJB 的面积分布。指标扣除规则集规定扣减的所有冲突（每块只计一次）；面积为毛面积、椭球面积（CGCS2000）。

Excel 报告增加规划进度：已验收项目的新增水田，按县区和合计，与规划目标 10000 亩对比。已验收：状态值在状态词表中列为已验收（已验收、通过验收、验收、竣工验收、已备案…；立项、实施、在建、竣工… 为未验收），或为参数中给出的已验收值（多个值用逗号分隔）。两类均不属于的状态值按字段和个数报告，显示为“状态未识别”，绝不计为未验收。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="104"/>
        <source>Layer “{layer}” has no {field} field (accepted names: {names}): the plan progress cannot use it. Choose the field in the parameters.</source>
        <translation>图层“{layer}”没有{field}字段（可识别的字段名：{names}）：规划进度无法使用该信息。请在参数中选择该字段。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ledger.py" line="147"/>
        <source>project status</source>
        <translation>项目状态</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/checkpaddy.py" line="120"/>
        <source>counted neither as accepted nor as not accepted: the plan progress shows their projects as unknown status (add a value to the accepted value parameter to count it as accepted)</source>
        <translation>既不计为已验收也不计为未验收：规划进度中这些项目显示为“状态未识别”（如应计为已验收，请将该值加入已验收值参数）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/mine.py" line="260"/>
        <source>Schema file {file}: no vocabulary “{name}”</source>
        <translation>结构文件 {file}：没有词表“{name}”</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/__init__.py" line="27"/>
        <source>Cannot read the schema file {path}: {error}</source>
        <translation>无法读取结构文件 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/__init__.py" line="38"/>
        <source>Schema file {file}: “{key}” {problem}</source>
        <translation>结构文件 {file}：“{key}”{problem}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/mine.py" line="287"/>
        <source>must be a non-empty list of names</source>
        <translation>必须是非空的字段名列表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/mine.py" line="314"/>
        <source>names an unknown field “{name}”</source>
        <translation>引用了未知字段“{name}”</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/mine.py" line="321"/>
        <source>holds an empty value</source>
        <translation>含有空值</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/mine.py" line="323"/>
        <source>repeats “{value}”, already in “{other}”</source>
        <translation>重复了“{value}”，该值已属于“{other}”</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/mine.py" line="330"/>
        <source>names an unknown class “{name}”</source>
        <translation>引用了未知类别“{name}”</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/mine.py" line="361"/>
        <source>Layer “{layer}”, field “{field}”: {n} feature(s) hold a {what} value that is not in the vocabulary ({values}; ∅ = empty). They are {counted}. Correct the values to one of: {known} (vocabulary {file}).</source>
        <translation>图层“{layer}”字段“{field}”：{n} 个要素的{what}值不在词表中（{values}；∅ 表示空值）。这些要素{counted}。请将其改为以下值之一：{known}（词表 {file}）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/i18n.py" line="29"/>
        <source>Interface language: en</source>
        <translation>Interface language: zh</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/roles.py" line="112"/>
        <source>repeats the id {id}</source>
        <translation>重复了标识 {id}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/roles.py" line="118"/>
        <source>names an unknown field role {id}</source>
        <translation>引用了未知的字段用途 {id}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/roles.py" line="154"/>
        <source>must be a list of non-empty texts</source>
        <translation>必须是非空文本的列表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/roles.py" line="163"/>
        <source>must list some of: {values}</source>
        <translation>必须列出以下值中的若干个：{values}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/roles.py" line="182"/>
        <source>names an unknown layer role {id}</source>
        <translation>引用了未知的图层用途 {id}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/roles.py" line="186"/>
        <source>must be one of: {values}</source>
        <translation>必须是以下值之一：{values}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="33"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/quality_xlsx.py" line="14"/>
        <source>DLTB data health check: {layer}</source>
        <translation>数据体检：{layer}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="168"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="168"/>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/quality_xlsx.py" line="16"/>
        <source>Profile</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/quality_xlsx.py" line="16"/>
        <source>Recognised by</source>
        <translation>识别依据</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/quality_xlsx.py" line="17"/>
        <source>Error-level findings</source>
        <translation>错误级问题数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/quality_xlsx.py" line="24"/>
        <source>Standard field</source>
        <translation>标准字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/quality_xlsx.py" line="25"/>
        <source>Field of the layer</source>
        <translation>图层字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="112"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="21"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/landuse_second.py" line="92"/>
        <source>“{layer}” is second-survey data (二调, GB/T 21010-2007; recognised by {reason}): the rows are 二调 classes; 田坎 (TKMJ) is row {ridge}; the linear features (XZDWMJ) and scattered features (LXDWMJ) are rows of their own ({linear}, {scattered}), because without the linear-feature layer XZDW they cannot be put under their own class.</source>
        <translation>“{layer}”为二调数据（GB/T 21010-2007；识别依据：{reason}）：各行为二调地类；田坎（TKMJ）为 {ridge} 行；线状地物（XZDWMJ）和零星地物（LXDWMJ）面积单列为“{linear}”“{scattered}”行，因为没有线状地物图层 XZDW 无法将其归入所属地类。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/landuse_second.py" line="102"/>
        <source>“{layer}” has no field {fields}: any such area left out of TBDLMJ shows in the row {gap}.</source>
        <translation>“{layer}”没有字段 {fields}：TBDLMJ 中未包含的此类面积列入“{gap}”行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/landuse_second.py" line="106"/>
        <source>{n} parcel(s) of “{layer}”: TBDLMJ + TKMJ + XZDWMJ + LXDWMJ differs from TBMJ by {m2:.2f} m² in total; the difference is the row {gap}, so that the table closes on ΣTBMJ. Check the area fields of BSM: {ids}</source>
        <translation>“{layer}”中 {n} 个图斑的 TBDLMJ + TKMJ + XZDWMJ + LXDWMJ 与 TBMJ 不一致，合计相差 {m2:.2f} m²；差额单列为“{gap}”行，使汇总表与 ΣTBMJ 闭合。请检查以下 BSM 的面积字段：{ids}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/landuse_second.py" line="127"/>
        <source>“{layer}” is second-survey (二调) data ({reason}), as is the other vintage: 二调 classes are compared as they are.</source>
        <translation>“{layer}”为二调数据（{reason}），另一期也是二调：按二调地类直接比较。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/landuse_second.py" line="131"/>
        <source>“{layer}” is second-survey (二调) data ({reason}): its classes are mapped through the crosswalk {id} version {version} to the 三调 grouping of the chosen level; a 二调 class whose 三调 split is unknown keeps the group it is reported under (e.g. 031 有林地 → 03 林地, 201–203 → 20 城镇村及工矿用地).</source>
        <translation>“{layer}”为二调数据（{reason}）：其地类通过地类对照表 {id}（版本 {version}）对应到所选层级的三调分类；三调细分未知的二调地类保留其统计归属的类别（如 031 有林地 → 03 林地，201–203 → 20 城镇村及工矿用地）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/landuse_second.py" line="140"/>
        <source>Approximate mappings in “{layer}”: {why}</source>
        <translation>“{layer}”中的近似对应：{why}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="282"/>
        <source>“{layer}” is second-survey (二调) data: the class-set indicators are on a 二调 basis, each 二调 class counted through the crosswalk {id} version {version}; linear and scattered features (XZDWMJ, LXDWMJ) belong to no class set.</source>
        <translation>“{layer}”为二调数据：按地类统计的指标为二调口径，各二调地类通过地类对照表 {id}（版本 {version}）计入；线状地物和零星地物（XZDWMJ、LXDWMJ）不计入任何地类集合。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/indicators.py" line="292"/>
        <source>{indicator} (二调 basis) is approximate: {why}</source>
        <translation>{indicator}（二调口径）为近似值：{why}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/minestats.py" line="150"/>
        <source>Treated: legacy parcels whose treatment status ({field}) is treated ({treated}); a partly treated parcel ({partial}) counts its treated share {share} ÷ {verified}; restoration rate = treated area ÷ legacy-mine area × 100.</source>
        <translation>已治理：恢复治理情况（{field}）为已治理（{treated}）的历史遗留矿山图斑；部分治理的图斑（{partial}）按 {share} ÷ {verified} 计入已治理部分；修复率 = 已治理面积 ÷ 历史遗留矿山面积 × 100。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/minestats.py" line="201"/>
        <source>treatment status</source>
        <translation>恢复治理情况</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/minestats.py" line="201"/>
        <source>counted as unknown (column unknown_status_m2), neither treated nor untreated, and the restoration rate of their region is left empty</source>
        <translation>计为状态未知（unknown_status_m2 列），既不算已治理也不算未治理，所在区域的修复率留空</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/minestats.py" line="208"/>
        <source>Layer “{layer}”: {n} partly treated parcel(s) have no treated area in {field} ({parcels}); their area is counted as unknown and the restoration rate of their region is left empty. Fill in the treated area.</source>
        <translation>图层“{layer}”：{n} 个部分治理图斑在 {field} 中没有治理面积（{parcels}）；其面积计为状态未知，所在区域的修复率留空。请填写治理面积。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/minestats.py" line="227"/>
        <source>Layer “{layer}”: {n} parcel(s) ({area:.1f} m²) are not of major class 10 (legacy mine) in field {field}; they are counted with the legacy mines. Filter the layer ({field} = '10') to count legacy mines only.</source>
        <translation>图层“{layer}”：{n} 个图斑（{area:.1f} 平方米）的 {field} 不是大类 10（历史遗留矿山），已与历史遗留矿山一并统计。如只统计历史遗留矿山，请先筛选图层（{field} = '10'）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/minestats.py" line="268"/>
        <source>production status</source>
        <translation>生产状态</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/minestats.py" line="268"/>
        <source>not counted as licensed producing mines</source>
        <translation>不计为持证在采矿山</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/minestats.py" line="272"/>
        <source>green-mine flag</source>
        <translation>绿色矿山标志</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/minestats.py" line="272"/>
        <source>counted as producing mines of unknown green status, and the green-mine share of their region is left empty</source>
        <translation>计为绿色矿山状态未知的在采矿山，所在区域的绿色矿山比例留空</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/units.py" line="58"/>
        <source>hectares (公顷)</source>
        <translation>公顷</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/units.py" line="58"/>
        <source>square metres (m²)</source>
        <translation>平方米（m²）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="102"/>
        <source>vertex ({x}, {y}) is not a finite number (NaN or infinity)</source>
        <translation>顶点（{x}, {y}）不是有限数（NaN 或无穷大）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="119"/>
        <source>its coordinates cannot be transformed to {crs}</source>
        <translation>其坐标无法转换到 {crs}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="115"/>
        <source>vertex ({x}, {y}) lies outside any Gauss-Kruger zone (in {crs}: X={north}, Y={east})</source>
        <translation>顶点（{x}, {y}）位于任何高斯-克吕格投影带之外（在 {crs} 中：X={north}，Y={east}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="169"/>
        <source>{where}: the declared area “{value}” in field {field} is not a positive number; correct it, or leave the area field empty to write the measured area.</source>
        <translation>{where}：字段 {field} 中的申报面积“{value}”不是正数；请改正，或将面积字段留空以写出实测面积。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="175"/>
        <source>{where}: the declared area {value} in field {field} is about {factor} times the measured {measured} ha: it is in {unit}, not 公顷. Convert the field to 公顷, or leave the area field empty to write the measured area.</source>
        <translation>{where}：字段 {field} 中的申报面积 {value} 约为实测 {measured} 公顷的 {factor} 倍：其单位是{unit}，不是公顷。请将该字段换算为公顷，或将面积字段留空以写出实测面积。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="182"/>
        <source>{where}: the declared area {declared} ha (field {field}) differs from the measured {measured} ha by more than {tolerance} %; the declared figure is written.</source>
        <translation>{where}：申报面积 {declared} 公顷（字段 {field}）与实测 {measured} 公顷相差超过 {tolerance} %；写出的是申报数值。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="199"/>
        <source>{file}: the parcels carry different {what} ({values}); “{first}” is written.</source>
        <translation>{file}：各地块的{what}不同（{values}）；写出“{first}”。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/export.py" line="207"/>
        <source>extra header keys (KZSX)</source>
        <translation>额外文件头键（KZSX）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="42"/>
        <source>The file is neither UTF-8, UTF-16 nor GBK; unreadable characters were replaced.</source>
        <translation>该文件既不是 UTF-8、UTF-16，也不是 GBK；无法读取的字符已被替换。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="76"/>
        <source>Full-width punctuation or digits (，＠１．【】…) were read as their ASCII forms; the monitoring system expects ASCII (half-width) characters.</source>
        <translation>全角标点或数字（，＠１．【】…）已按对应的半角字符读取；监管系统要求使用半角（英文）字符。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="131"/>
        <source>The points have no parcel header line (count, area, number, name, 面 … @): read as one parcel without number or declared area.</source>
        <translation>界址点没有地块头行（界址点数、面积、编号、名称、面 … @）：作为一个没有编号和申报面积的地块读取。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="158"/>
        <source>Parcel {parcel}: the header line has no point count (it starts with “{start}”); read without one.</source>
        <translation>地块 {parcel}：地块头行没有界址点数（以“{start}”开头）；按无点数读取。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="72"/>
        <source>Coordinate system “{value}” is not CGCS2000; the CRS override {crs} is used.</source>
        <translation>坐标系“{value}”不是 CGCS2000；使用覆盖的坐标系 {crs}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="123"/>
        <source>Parcel {parcel}: ring number {ring} is used again after its ring closed (numbering restarted for a further part); read as a separate ring.</source>
        <translation>地块 {parcel}：圈号 {ring} 在其圈闭合后再次使用（另一部分重新编号）；作为单独的圈读取。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="183"/>
        <source>Parcel {parcel}: X={x}, Y={y} lies outside what {crs} can represent (beyond a pole or outside the projection); the parcel is skipped.</source>
        <translation>地块 {parcel}：X={x}, Y={y} 超出了 {crs} 能表示的范围（越过极点或在投影范围之外）；跳过该地块。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/validate.py" line="250"/>
        <source>Parcel {parcel}: the declared area {declared} is about {factor} times the measured {measured} ha, so it is read as {unit} = {converted} ha. If the file means another unit, set DECLARED_AREA_UNIT.</source>
        <translation>地块 {parcel}：申报面积 {declared} 约为实测 {measured} 公顷的 {factor} 倍，因此按{unit}读取，即 {converted} 公顷。如果文件使用的是其他单位，请设置 DECLARED_AREA_UNIT。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/reader.py" line="164"/>
        <source>Parcel {parcel}: its area cannot be measured in {crs} (coordinates outside the system&apos;s area of use?); the parcel is skipped.</source>
        <translation>地块 {parcel}：无法在 {crs} 中计算其面积（坐标超出该坐标系的使用范围？）；跳过该地块。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/axes.py" line="52"/>
        <source>Parcel {parcel}: X={x}, Y={y} is not a Gauss-Kruger coordinate (X northing 0 – 10 000 000 m, Y easting below 1 000 000 or with its zone prefix); the parcel is skipped. Check the value, or give the CRS override for another system.</source>
        <translation>地块 {parcel}：X={x}, Y={y} 不是高斯-克吕格坐标（X 北坐标 0 – 10 000 000 米，Y 东坐标小于 1 000 000 或带带号）；跳过该地块。请检查数值，或为其他坐标系指定坐标系覆盖参数。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/axes.py" line="82"/>
        <source>Parcel {parcel}: X={x} looks like an easting and Y={y} like a northing, unlike the parcel&apos;s other points (X and Y swapped?); the parcel is skipped.</source>
        <translation>地块 {parcel}：X={x} 像东坐标，Y={y} 像北坐标，与该地块的其他点不同（X 与 Y 互换？）；跳过该地块。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/axes.py" line="85"/>
        <source>Parcel {parcel}: read easting first (AXIS_ORDER), the point gives X={x} like an easting and Y={y} like a northing: the file lists the northing first. Set AXIS_ORDER to auto; the parcel is skipped.</source>
        <translation>地块 {parcel}：按东坐标在前读取（AXIS_ORDER），但该点 X={x} 像东坐标、Y={y} 像北坐标：文件是北坐标在前。请将 AXIS_ORDER 设为自动；跳过该地块。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/axes.py" line="89"/>
        <source>Parcel {parcel}: X={x} looks like an easting and Y={y} like a northing (X and Y swapped?) but AXIS_ORDER says northing first; set AXIS_ORDER to auto or easting first. The parcel is skipped.</source>
        <translation>地块 {parcel}：X={x} 像东坐标，Y={y} 像北坐标（X 与 Y 互换？），但 AXIS_ORDER 指定北坐标在前；请将 AXIS_ORDER 设为自动或东坐标在前。跳过该地块。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/axes.py" line="103"/>
        <source>The points give the easting before the northing (e.g. {easting}, {northing}) in {count} parcel(s), first parcel {parcel}: read as X (northing) = {northing}, Y (easting) = {easting}. The monitoring system expects the northing first.</source>
        <translation>界址点的东坐标写在北坐标之前（例如 {easting}, {northing}），共 {count} 个地块，第一个为地块 {parcel}：按 X（北坐标）= {northing}、Y（东坐标）= {easting} 读取。监管系统要求北坐标在前。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/survey2.py" line="131"/>
        <source>Cannot read the crosswalk file {path}: {error}</source>
        <translation>无法读取地类对照文件 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/survey2.py" line="199"/>
        <source>{second} DLBM value(s) of 二调, {third} of 三调</source>
        <translation>{second} 个二调地类编码、{third} 个三调地类编码</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/survey2.py" line="202"/>
        <source>; field {field}</source>
        <translation>；字段 {field}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="107"/>
        <source>field {field}</source>
        <translation>字段 {field}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/survey2.py" line="237"/>
        <source>Crosswalk file {file}: “{key}” {problem}</source>
        <translation>地类对照文件 {file}：“{key}”{problem}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/survey2.py" line="245"/>
        <source>is missing or not a list</source>
        <translation>缺失或不是列表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/survey2.py" line="257"/>
        <source>is not a second-survey code of the land-class table</source>
        <translation>不是地类表中的二调地类编码</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/survey2.py" line="262"/>
        <source>must be a 三调 class, a first-level group or a major category</source>
        <translation>必须是三调地类、一级类或三大类</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/survey2.py" line="265"/>
        <source>must list 三调 class codes</source>
        <translation>必须列出三调地类编码</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/survey2.py" line="267"/>
        <source>must say why the mapping is approximate</source>
        <translation>必须说明对应关系为何是近似的</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/survey2.py" line="270"/>
        <source>lacks second-survey code(s) {codes}</source>
        <translation>缺少二调地类编码 {codes}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ledger.py" line="147"/>
        <source>not counted as replenished: the ledger leaves these projects out (add the value to the accepted values to count them)</source>
        <translation>不计入补充：台账不统计这些项目（如应计入，请将该值加入已验收值）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/project_fields.py" line="42"/>
        <source>Layer “{layer}” has no project code field ({codes}…): its parcels are grouped into projects by the name field “{field}”, so two projects of the same name become one. Choose a field unique per project in “Project id field”.</source>
        <translation>图层“{layer}”没有项目编号字段（{codes}…）：地块按项目名称字段“{field}”归并为项目，同名的两个项目会被合并为一个。请在“项目编号字段”中选择每个项目唯一的字段。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/project_fields.py" line="47"/>
        <source>Layer “{layer}” has no project id field ({codes}…): each parcel is checked as a project of its own. Choose the field in “Project id field”.</source>
        <translation>图层“{layer}”没有项目编号字段（{codes}…）：每个地块都作为单独的项目核查。请在“项目编号字段”中选择该字段。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/project_fields.py" line="109"/>
        <source>The project id field “{field}” of “{layer}” is not unique per project: {count} project(s) hold parcels with different “{code}” values ({projects}). Choose “{code}” as the project id field if it is the project code.</source>
        <translation>“{layer}”的项目编号字段“{field}”不能唯一标识项目：{count} 个项目包含“{code}”值不同的地块（{projects}）。如“{code}”是项目编码，请将其选为项目编号字段。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/project_fields.py" line="118"/>
        <source>Declared area field “{field}” of “{layer}”: {count} project(s) carry the same value on every parcel ({projects}); it is read as the project's total, not summed over the parcels. If each parcel declares its own area, give each parcel its own value.</source>
        <translation>“{layer}”的申报面积字段“{field}”：{count} 个项目的每个地块都填写了相同的值（{projects}），按项目总面积读取，不再逐地块累加。如每个地块各自申报面积，请为各地块填写各自的值。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/project_fields.py" line="118"/>
        <source>{n} parcels</source>
        <translation>{n} 个地块</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/project_fields.py" line="130"/>
        <source>{n} more</source>
        <translation>另有 {n} 个</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="77"/>
        <source>三调 DLTB</source>
        <translation>三调地类图斑</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="77"/>
        <source>二调 DLTB (GB/T 21010-2007)</source>
        <translation>二调地类图斑（GB/T 21010-2007）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="78"/>
        <source>变更 (annual change) DLTB</source>
        <translation>变更（年度变更调查）地类图斑</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="108"/>
        <source>Layer “{layer}” read as {profile}</source>
        <translation>图层“{layer}”按{profile}读取</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="111"/>
        <source> (recognised by {reason})</source>
        <translation>（识别依据：{reason}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="125"/>
        <source>Field “{field}” is read as {standard}</source>
        <translation>字段“{field}”读作 {standard}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="129"/>
        <source>Layer “{layer}” has no field {field}: the checks that need it were skipped; add the field or rename the one holding it.</source>
        <translation>图层“{layer}”没有字段 {field}：需要该字段的检查已跳过；请添加该字段，或将存放该内容的字段改名。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="176"/>
        <source>BSM {bsm} of feature {fid} is also the BSM of feature {first}: give each parcel its own identifier, or delete the copy.</source>
        <translation>要素 {fid} 的 BSM {bsm} 与要素 {first} 的 BSM 相同：请为每个图斑赋唯一标识码，或删除重复的副本。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="186"/>
        <source>{field} “{code}” is not a {survey} land class: {n} parcel(s), ΣTBMJ {m2:.2f} m² (e.g. BSM {bsm}); correct the codes, they are counted as unrecognised.</source>
        <translation>{field}“{code}”不是{survey}地类：{n} 个图斑，ΣTBMJ {m2:.2f} m²（如 BSM {bsm}）；请修正编码，统计时计入未识别地类。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="196"/>
        <source>Feature {fid} has no geometry: its area cannot be measured; digitise it or delete it.</source>
        <translation>要素 {fid} 没有几何图形，无法量算面积；请补绘或删除。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="201"/>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="202"/>
        <source>Feature {fid} has an invalid polygon ({reason}): statistics repair it for measuring; fix it in the source data (Fix geometries).</source>
        <translation>要素 {fid} 的面无效（{reason}）：统计时会修复后量算；请在源数据中修正（修复几何）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="216"/>
        <source>Feature {fid}: TBDLMJ {actual:.2f} but TBMJ − TKMJ − XZDWMJ − LXDWMJ = {expected:.2f} (二调); correct the area fields.</source>
        <translation>要素 {fid}：TBDLMJ 为 {actual:.2f}，但 TBMJ − TKMJ − XZDWMJ − LXDWMJ = {expected:.2f}（二调）；请修正面积字段。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="230"/>
        <source>Feature {fid}: TBDLMJ {actual:.2f} but TBMJ − KCMJ = {expected:.2f}; correct the area fields.</source>
        <translation>要素 {fid}：TBDLMJ 为 {actual:.2f}，但 TBMJ − KCMJ = {expected:.2f}；请修正面积字段。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="235"/>
        <source>Feature {fid}: KCMJ {actual:.2f} but TBMJ × KCXS = {expected:.2f}; correct KCMJ or KCXS.</source>
        <translation>要素 {fid}：KCMJ 为 {actual:.2f}，但 TBMJ × KCXS = {expected:.2f}；请修正 KCMJ 或 KCXS。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="241"/>
        <source>Feature {fid}: TBMJ {actual:.2f} m² but the parcel measures {expected:.2f} m² (CGCS2000 ellipsoidal, difference {diff:+.2f} m²); recompute TBMJ or check the geometry and CRS.</source>
        <translation>要素 {fid}：TBMJ 为 {actual:.2f} m²，但图斑量算面积为 {expected:.2f} m²（CGCS2000 椭球面积，相差 {diff:+.2f} m²）；请重新计算 TBMJ，或检查几何图形和坐标系。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="307"/>
        <source>Feature {fid} (BSM {bsm}) has the same geometry as feature {other} (BSM {other_bsm}): {m2:.2f} m² counted twice; delete the copy.</source>
        <translation>要素 {fid}（BSM {bsm}）与要素 {other}（BSM {other_bsm}）几何相同：{m2:.2f} m² 被重复计算；请删除副本。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/quality.py" line="307"/>
        <source>Feature {fid} (BSM {bsm}) overlaps feature {other} (BSM {other_bsm}) by {m2:.2f} m²: that land is counted twice; correct the boundaries.</source>
        <translation>要素 {fid}（BSM {bsm}）与要素 {other}（BSM {other_bsm}）重叠 {m2:.2f} m²：这部分土地被重复计算；请修正边界。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/algorithms/landusesummary.py" line="42"/>
        <source>Sums the land-use status parcels (DLTB) by region and land class, as in the official 三调 summary table.

Class areas are the net areas TBDLMJ (TBMJ − KCMJ where TBDLMJ is empty); the deducted field ridges ΣKCMJ form their own row 1203 田坎, so for every region the classes plus 田坎 add up to ΣTBMJ, the control area. Codes with the suffix K are counted with their base class unless 'Keep K codes apart' is ticked. Empty or unknown codes are never dropped: they form an 'unrecognised' row with their parcel count; when they cover more than 0.5 % of the area the run stops and lists them, unless 'Allow unrecognised land-class codes' is ticked. A DLBM stored as a number is read as its 三调 code (101 → 0101) with a warning. Values that would make a figure wrong (a negative area, KCXS outside [0, 1), text that is no plain number, TBDLMJ ≠ TBMJ − KCMJ) stop the run with the field, the values and their BSM.

Regions: the region level cuts the location code ZLDWDM (county = first 6 characters, township = 9, village = 12; XZQDM or QSDWDM when the layer has no ZLDWDM); a region polygon layer, when given, assigns each parcel to the polygon holding its interior point instead.

When DLTB is a GeoPackage or PostGIS table (not a selection) the sums are computed inside the database, which is much faster on a million parcels; the result is the same.

Outputs: a table with region_code, region_name, dlbm, dlmc, area (in the chosen unit) and the parcel count; optionally an Excel workbook in the official layout (regions as rows, first- and second-level classes as column headers, totals) with a sheet naming the data sources and the area method.</source>
        <translation>按行政区和地类汇总地类图斑（DLTB）面积，格式同三调官方汇总表。

地类面积取图斑地类面积 TBDLMJ（TBDLMJ 为空时取 TBMJ − KCMJ）；扣除的田坎面积 ΣKCMJ 单列为 1203 田坎，因此每个行政区的各地类面积加田坎面积等于 ΣTBMJ（控制面积）。带 K 后缀的地类编码并入其基础地类，勾选“K 类地类单列”时单独列出。空的或无法识别的地类编码不会被丢弃：单列为“未识别”行并给出图斑数；其面积超过总面积的 0.5 % 时停止运行并列出这些编码，除非勾选“允许未识别的地类编码”。以数值存储的 DLBM 按三调编码读取（101 → 0101）并给出警告。会导致统计错误的值（负面积、KCXS 不在 [0, 1) 内、不是普通数字的文本、TBDLMJ ≠ TBMJ − KCMJ）将停止运行，并指明字段、取值及其 BSM。

行政区：按统计级别截取坐落单位代码 ZLDWDM（县级取前 6 位，乡镇级 9 位，村级 12 位；图层无 ZLDWDM 时取 XZQDM 或 QSDWDM）；如提供行政区面图层，则按图斑内点所在的行政区面归属。

DLTB 为 GeoPackage 或 PostGIS 表（且未只选部分要素）时，汇总在数据库内完成，百万图斑时快得多，结果相同。

输出：包含 region_code、region_name、dlbm、dlmc、area（所选单位）和图斑数的统计表；可选输出官方格式的 Excel 工作簿（行政区为行，一级、二级地类为合并表头，含合计），并附一页说明数据来源和面积计算方法。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/stats_params.py" line="77"/>
        <source>Allow unrecognised land-class codes (report them in their own row)</source>
        <translation>允许未识别的地类编码（单列一行报告）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/dltb.py" line="88"/>
        <source>is not a DLTB attribute</source>
        <translation>不是地类图斑（DLTB）属性</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/dltb.py" line="85"/>
        <source>must be a list of field names</source>
        <translation>必须是字段名列表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/dltb.py" line="92"/>
        <source>lists unknown attributes: {keys}</source>
        <translation>列出了未知属性：{keys}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/domains.py" line="163"/>
        <source>must be a whole number ≥ 0</source>
        <translation>必须是 ≥ 0 的整数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/domains.py" line="168"/>
        <source>must be a number ≥ 0</source>
        <translation>必须是 ≥ 0 的数值</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/errors.py" line="71"/>
        <source>the database reported an error reading its {expected} feature(s)</source>
        <translation>数据库在读取其 {expected} 个要素时报错</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/errors.py" line="74"/>
        <source>{read} feature(s) read before the error</source>
        <translation>出错前已读取 {read} 个要素</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/errors.py" line="76"/>
        <source>{read} of {expected} feature(s) read</source>
        <translation>仅读取了 {expected} 个要素中的 {read} 个</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/errors.py" line="78"/>
        <source>Layer “{layer}” could not be read completely: {counted}. The file is damaged or the database connection was lost; repair or re-export the layer (or reconnect to the database) and run again.</source>
        <translation>图层“{layer}”未能完整读取：{counted}。文件已损坏或数据库连接已断开；请修复或重新导出该图层（或重新连接数据库）后再运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/errors.py" line="90"/>
        <source>Raster “{layer}” could not be read over {extent}: the file is truncated or damaged. Rules that need it cannot be checked; repair or re-export the raster and run again.</source>
        <translation>栅格“{layer}”在范围 {extent} 内无法读取：文件被截断或已损坏，需要它的规则无法核查；请修复或重新导出该栅格后再运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/common.py" line="303"/>
        <source>Layer “{layer}” has no ZLDWDM: regions were read from field {field}.</source>
        <translation>图层“{layer}”没有 ZLDWDM（坐落单位代码）：行政区取自字段 {field}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/totals.py" line="111"/>
        <source>Layer “{layer}”: {share} % of the area ({area} m² in {n} parcel(s)) has land-class codes (DLBM) that are not 三调 codes, more than the {limit} % a statistic may leave unclassified. Top codes (code, parcels, m²): {codes}. Correct the codes in the source data, or set “Allow unrecognised land-class codes” (ALLOW_UNRECOGNISED) to report them in their own row.</source>
        <translation>图层“{layer}”：{share} % 的面积（{n} 个图斑，{area} m²）的地类编码（DLBM）不是三调编码，超过统计允许不归类的 {limit} %。主要编码（编码，图斑数，m²）：{codes}。请在源数据中改正地类编码，或勾选“允许未识别的地类编码”（ALLOW_UNRECOGNISED），将其单列一行报告。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/totals.py" line="119"/>
        <source>Codes such as {code} look like 三调 codes that lost their leading zero ({padded}): store DLBM as text with it.</source>
        <translation>{code} 等编码像是丢失了前导零的三调编码（{padded}）：请将 DLBM 存为带前导零的文本。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/totals.py" line="123"/>
        <source>WARNING: {share} % of the area of “{layer}” ({area} m² in {n} parcel(s)) has unrecognised land-class codes, reported in their own “Unrecognised” row and in no class: {codes}.</source>
        <translation>警告：图层“{layer}”中 {share} % 的面积（{n} 个图斑，{area} m²）的地类编码未能识别，单列于“未识别”行，不计入任何地类：{codes}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="110"/>
        <source>Layer “{layer}”: {problems}. A statistic summed from these values would be wrong, so none was computed: correct them in the source data and run again.</source>
        <translation>图层“{layer}”：{problems}。用这些值汇总的统计结果将是错误的，因此未进行统计：请在源数据中改正后重新运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="127"/>
        <source>field {field} has {n} value(s) written with a thousands separator or a decimal comma, e.g. {examples} — store plain numbers (1234.5)</source>
        <translation>字段 {field} 有 {n} 个值带千位分隔符或小数逗号，例如 {examples}——请存为普通数字（1234.5）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="131"/>
        <source>field {field} has {n} value(s) that are not numbers, e.g. {examples}</source>
        <translation>字段 {field} 有 {n} 个值不是数字，例如 {examples}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="134"/>
        <source>field {field} has {n} value(s) outside its domain {domain}, e.g. {examples}</source>
        <translation>字段 {field} 有 {n} 个值超出值域 {domain}，例如 {examples}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="138"/>
        <source>{n} parcel(s) where {net} ≠ {gross} − {ridge} by more than {tol} m², e.g. {examples} (TBMJ, KCMJ, TBDLMJ)</source>
        <translation>{n} 个图斑的 {net} ≠ {gross} − {ridge}，相差超过 {tol} m²，例如 {examples}（TBMJ，KCMJ，TBDLMJ）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="143"/>
        <source>field {field} is stored as a number and holds 二调 (second-survey) codes, e.g. {examples}: as numbers they lost their leading zero (011 → 11) and cannot be told from 三调 codes — store {field} as text with its leading zeros, or run the statistic with 二调 codes</source>
        <translation>字段 {field} 以数值存储且含二调地类编码，例如 {examples}：存为数值后丢失了前导零（011 → 11），无法与三调编码区分——请将 {field} 存为带前导零的文本，或按二调编码进行统计</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="148"/>
        <source>code field {field} has {n} fractional number(s), e.g. {examples} — store the code as text</source>
        <translation>代码字段 {field} 有 {n} 个带小数的数值，例如 {examples}——请将代码存为文本</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="155"/>
        <source>Field {field} of “{layer}” holds numbers stored as text: {n} value(s) were read as numbers, e.g. {examples}.</source>
        <translation>图层“{layer}”的字段 {field} 以文本存储数字：{n} 个值已按数字读取，例如 {examples}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="161"/>
        <source>Field {field} of “{layer}” is stored as a number: {n} code(s) were read as zero-padded 三调 codes, e.g. {examples}. Store {field} as text to keep the leading zero.</source>
        <translation>图层“{layer}”的字段 {field} 以数值存储：{n} 个编码已补足前导零按三调编码读取，例如 {examples}。请将 {field} 存为文本以保留前导零。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="165"/>
        <source>Field {field} of “{layer}” is stored as a real number: {n} value(s) were read as their digits, e.g. {examples}. Store {field} as text.</source>
        <translation>图层“{layer}”的字段 {field} 以浮点数存储：{n} 个值已按其数字串读取，例如 {examples}。请将 {field} 存为文本。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/stats/values.py" line="179"/>
        <source>feature id {fid}</source>
        <translation>要素 ID {fid}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rules_common.py" line="36"/>
        <source>Parcel (feature {fid}) of project {project} has coordinates that cannot be real ({reason}); it was left out of the check and its figures: repair its geometry and check again</source>
        <translation>项目 {project} 的地块（要素 {fid}）坐标不可能真实（{reason}），已从核查及其数字中排除：请修复其几何图形后重新核查</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="173"/>
        <source>the eastings carry different or implausible zone prefixes ({first} … {last}): one layer must hold one zone</source>
        <translation>横坐标带有不同或不合理的带号前缀（{first} … {last}）：一个图层只能属于一个投影带</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="208"/>
        <source>the eastings reach {km:.0f} km from the central meridian {cm:g}°E, beyond its zone (±{half:g}°): the data belong to another central meridian</source>
        <translation>横坐标距中央经线 {cm:g}°E 达 {km:.0f} 公里，超出该投影带（±{half:g}°）：数据属于另一条中央经线</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="294"/>
        <source>Layer “{layer}” is declared {declared} but its coordinates (x {x_min:.0f} … {x_max:.0f}) do not fit it: {diagnosis}. Set the CRS the data were delivered in (Layer Properties → Source; CGCS2000 Gauss-Kruger: EPSG:4491–4554) and run again.</source>
        <translation>图层“{layer}”声明的坐标系为 {declared}，但其坐标（x {x_min:.0f} … {x_max:.0f}）与之不符：{diagnosis}。请设置数据交付时的坐标系（图层属性 → 源；CGCS2000 高斯-克吕格：EPSG:4491–4554）后重新运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="320"/>
        <source>looks like 6-degree zone {zone} with prefix: {crs}</source>
        <translation>看起来是带带号的 6 度带第 {zone} 带：{crs}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/crs.py" line="323"/>
        <source>looks like 6-degree zone {zone} without prefix: {crs}</source>
        <translation>看起来是不带带号的 6 度带第 {zone} 带：{crs}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordinates.py" line="70"/>
        <source>a coordinate is not a number ({x}, {y})</source>
        <translation>坐标不是有效数值（{x}, {y}）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordinates.py" line="72"/>
        <source>the coordinate ({x}, {y}) lies outside {crs}</source>
        <translation>坐标（{x}, {y}）超出 {crs} 的范围</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordinates.py" line="83"/>
        <source>{n} geometry(-ies) have coordinates that cannot be real ({problem}): their areas would be wrong. Repair these geometries (or the layer&apos;s CRS) and run again.</source>
        <translation>{n} 个几何图形的坐标不可能真实（{problem}）：其面积将是错误的。请修复这些几何图形（或图层坐标系）后重新运行。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordinates.py" line="101"/>
        <source>{n} feature(s) of “{layer}” have coordinates that cannot be real ({problem}): their areas would be wrong, so no result is given. Repair their geometry (or the layer's CRS) and run again. Feature(s): {features}</source>
        <translation>图层“{layer}”中有 {n} 个要素的坐标不可能真实（{problem}）：其面积将是错误的，因此不给出结果。请修复其几何图形（或图层坐标系）后重新运行。要素：{features}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_base.py" line="272"/>
        <source>Rule “{rule}” not checked: {reason}</source>
        <translation>规则“{rule}”未核查：{reason}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/rule_texts.py" line="69"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/mine.py" line="312"/>
        <source>{area_m2} m² ({area_mu} mu) of project {project} are declared natural recovery but lie in sight of {reasons} (the “three zones and two lines”): suggested mode engineering works</source>
        <translation>项目 {project} 有 {area_m2} 平方米（{area_mu} 亩）申报为自然恢复，但位于 {reasons} 的可视范围内（三区两线）：建议修复模式为工程治理</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="122"/>
        <source>Read coordinate files as reported to the ministry and use them as the project parcels layer.</source>
        <translation>读取报部坐标文件，并将其作为项目地块图层。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/widget_texts.py" line="27"/>
        <source>Choose a rule-set file</source>
        <translation>选择规则集文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/widget_texts.py" line="27"/>
        <source>Empty: the built-in Guangdong rule set</source>
        <translation>留空：使用内置的广东省规则集</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/widget_texts.py" line="27"/>
        <source>Path of the rule-set file; empty: the built-in Guangdong rule set</source>
        <translation>规则集文件的路径；留空则使用内置的广东省规则集</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="17"/>
        <source>topology validation error</source>
        <translation>拓扑检查错误</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="18"/>
        <source>repeated point</source>
        <translation>重复点</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="19"/>
        <source>hole lies outside its shell</source>
        <translation>内环位于外环之外</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="20"/>
        <source>holes are nested</source>
        <translation>内环相互嵌套</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="21"/>
        <source>interior is disconnected</source>
        <translation>内部不连通</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="22"/>
        <source>self-intersection</source>
        <translation>自相交</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="23"/>
        <source>ring self-intersection</source>
        <translation>环自相交</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="24"/>
        <source>nested shells</source>
        <translation>外环相互嵌套</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="25"/>
        <source>duplicate rings</source>
        <translation>重复的环</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="28"/>
        <source>too few points in a geometry part</source>
        <translation>几何部件的点数过少</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="30"/>
        <source>invalid coordinate</source>
        <translation>无效坐标</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/geos_texts.py" line="31"/>
        <source>ring is not closed</source>
        <translation>环未闭合</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/menus.py" line="31"/>
        <source>Plan indicators (表1)…</source>
        <translation>规划主要指标（表1）…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/menus.py" line="33"/>
        <source>Cultivated land balance ledger…</source>
        <translation>耕地占补平衡台账…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/menus.py" line="35"/>
        <source>DLTB data health check…</source>
        <translation>地类图斑数据体检…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/menus.py" line="37"/>
        <source>Import project coordinate files…</source>
        <translation>导入项目报部坐标文件…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/result_layers.py" line="43"/>
        <source>Imported projects</source>
        <translation>导入的项目</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/result_layers.py" line="99"/>
        <source>The results file {path} cannot be opened as a GeoPackage: delete or rename it, or choose another results folder.</source>
        <translation>结果文件 {path} 无法作为 GeoPackage 打开：请删除或重命名该文件，或选择其他结果文件夹。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/result_layers.py" line="202"/>
        <source>Results</source>
        <translation>核查结果</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/result_layers.py" line="214"/>
        <source>Results folder (empty: the project&apos;s folder)</source>
        <translation>结果文件夹（空：工程所在文件夹）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/result_layers.py" line="248"/>
        <source>Results are written to {path}</source>
        <translation>结果写入 {path}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/presentation.py" line="64"/>
        <source>Areas (zoomed in)</source>
        <translation>面（放大时）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/presentation.py" line="66"/>
        <source>Points (zoomed out)</source>
        <translation>点（缩小时）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/result_fields.py" line="43"/>
        <source>must be a non-empty JSON object</source>
        <translation>必须是非空的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/result_fields.py" line="49"/>
        <source>needs label_zh and label_en texts</source>
        <translation>需要 label_zh 和 label_en 文本</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/schema/result_fields.py" line="53"/>
        <source>must map name suffixes to 0–10 decimal places</source>
        <translation>必须把字段名后缀对应到 0–10 位小数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_dock.py" line="237"/>
        <source>The check was canceled; no layers were added.</source>
        <translation>核查已取消，未添加图层。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/coord_import.py" line="42"/>
        <source>see the log for details</source>
        <translation>详见日志</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_dock.py" line="241"/>
        <source>The check failed; no layers were added: {reason}</source>
        <translation>核查失败，未添加图层：{reason}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_widgets.py" line="169"/>
        <source>Help on this panel</source>
        <translation>本面板帮助</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_widgets.py" line="180"/>
        <source>{n} projects checked: {fail} fail, {fix} need fixing, {passed} pass.</source>
        <translation>已核查 {n} 个项目：不通过 {fail}，需整改 {fix}，通过 {passed}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/widget_texts.py" line="33"/>
        <source>Choose the report file</source>
        <translation>选择报告文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/widget_texts.py" line="33"/>
        <source>Path of the report workbook; empty: a temporary file</source>
        <translation>报告工作簿的路径；留空：临时文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/widget_texts.py" line="33"/>
        <source>Empty: a temporary file</source>
        <translation>留空：临时文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/widget_texts.py" line="39"/>
        <source>Choose the results folder</source>
        <translation>选择结果文件夹</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/widget_texts.py" line="39"/>
        <source>Folder of the results GeoPackage; empty: the project&apos;s folder</source>
        <translation>结果文件所在文件夹；留空：工程所在文件夹</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/widget_texts.py" line="39"/>
        <source>Empty: the project&apos;s folder</source>
        <translation>留空：工程所在文件夹</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/result_layers.py" line="207"/>
        <source>Folder of the results GeoPackage (empty: the project&apos;s folder)</source>
        <translation>结果文件所在文件夹（留空：工程所在文件夹）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/results_model.py" line="108"/>
        <source>{name}: {status}, {mu} mu ({m2} m²)</source>
        <translation>{name}：{status}，{mu} 亩（{m2} 平方米）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/coord_import.py" line="43"/>
        <source>The import failed; no layer was added: {reason}</source>
        <translation>导入失败，未添加图层：{reason}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="105"/>
        <source>Fill every layer and field picker from the layer names and fields (your choices are replaced).</source>
        <translation>按图层名称和字段填写所有图层与字段选择框（会替换您已作的选择）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="115"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="129"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="140"/>
        <source>Rules and thresholds</source>
        <translation>规则与阈值</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="145"/>
        <source>Empty: the built-in rule set of this check.</source>
        <translation>留空：使用本核查内置的规则集。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="149"/>
        <source>Rule set file</source>
        <translation>规则集文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="165"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="169"/>
        <source>Where each run writes its report. Empty: a temporary file; use “Export report…” to keep it.</source>
        <translation>每次核查的报告写入位置。留空：写入临时文件，可用“导出报告…”保存。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="174"/>
        <source>Report file</source>
        <translation>报告文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="259"/>
        <source>Show the log…</source>
        <translation>查看日志…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/panel_layout.py" line="274"/>
        <source>The check failed</source>
        <translation>核查失败</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/result_layers.py" line="210"/>
        <source>Keep earlier results</source>
        <translation>保留以前的结果</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/result_layers.py" line="211"/>
        <source>A new run adds a group instead of replacing the last one.</source>
        <translation>新的核查添加一个图层组，而不替换上一次的结果。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/audit_run.py" line="132"/>
        <source>The audit trail could not be stored in {path}: {error}</source>
        <translation>审计信息未能写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicator_png.py" line="24"/>
        <source>Cannot open {path}: not a GeoPackage written by planindicators.</source>
        <translation>无法打开 {path}：不是规划指标统计（planindicators）输出的 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicator_png.py" line="39"/>
        <source>Drawing the chart needs the Python package matplotlib (Debian: python3-matplotlib).</source>
        <translation>绘制图表需要 Python 包 matplotlib（Debian：python3-matplotlib）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicator_png.py" line="54"/>
        <source>No indicator has both a current value and a 2025 target: nothing to chart.</source>
        <translation>没有同时具有现状值和2025年目标的指标：无可绘制的内容。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicator_png.py" line="63"/>
        <source>target (100 %)</source>
        <translation>目标（100%）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicator_png.py" line="71"/>
        <source>Without a current value and a 2025 target, not shown: {names}</source>
        <translation>无现状值或无2025年目标、未列出：{names}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="75"/>
        <source>% of the 2025 target</source>
        <translation>占2025年目标（%）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/paddy_progress.py" line="22"/>
        <source>Paddy plan progress</source>
        <translation>垦造水田规划进度</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/paddy_progress.py" line="23"/>
        <source>Plan target {target} mu</source>
        <translation>规划目标 {target} 亩</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/paddy_progress.py" line="24"/>
        <source>County code</source>
        <translation>县区代码</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="33"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="141"/>
        <source>Projects (count)</source>
        <translation>项目数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/paddy_progress.py" line="24"/>
        <source>Accepted projects</source>
        <translation>已验收项目数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/paddy_progress.py" line="25"/>
        <source>Accepted new paddy (mu)</source>
        <translation>验收新增水田（亩）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/paddy_progress.py" line="25"/>
        <source>Checked new paddy (mu)</source>
        <translation>核查新增水田（亩）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/paddy_progress.py" line="26"/>
        <source>Share of target (%)</source>
        <translation>占目标比例（%）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/paddy_progress.py" line="26"/>
        <source>Unknown status</source>
        <translation>状态未识别</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/paddy_progress.py" line="30"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/paddy_progress.py" line="39"/>
        <source>Projects of unknown status are not counted as accepted: see the run log for the field and values.</source>
        <translation>状态未识别的项目未计入验收进度：字段和取值见运行日志。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_report.py" line="50"/>
        <source>{width} × {height} cells</source>
        <translation>{width} × {height} 像元</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="17"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="17"/>
        <source>Cultivated land occupied</source>
        <translation>占用耕地</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="18"/>
        <source>of which paddy</source>
        <translation>其中水田</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="18"/>
        <source>Cultivated land added</source>
        <translation>补充耕地</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="19"/>
        <source>of which new paddy</source>
        <translation>其中新增水田</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="19"/>
        <source>Quantity balance</source>
        <translation>数量平衡</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="20"/>
        <source>Paddy balance</source>
        <translation>水田平衡</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="21"/>
        <source>Average grade of the land occupied</source>
        <translation>占用耕地平均等别</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="22"/>
        <source>Average grade of the land added</source>
        <translation>补充耕地平均等别</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="33"/>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="48"/>
        <source> (mu)</source>
        <translation>（亩）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/ledger_xlsx.py" line="53"/>
        <source>Inputs</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/language.py" line="20"/>
        <source>Report language: English</source>
        <translation>报告语言：中文</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="264"/>
        <source>Plugin version</source>
        <translation>插件版本</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="265"/>
        <source>QGIS version</source>
        <translation>QGIS 版本</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="265"/>
        <source>GDAL version</source>
        <translation>GDAL 版本</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="266"/>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="267"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="268"/>
        <source>Written</source>
        <translation>写出时间</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="269"/>
        <source>Parameter {name}</source>
        <translation>参数 {name}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="113"/>
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="276"/>
        <source>Rule set version</source>
        <translation>规则集版本</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="277"/>
        <source>Rule set file sha256</source>
        <translation>规则集文件 sha256</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="278"/>
        <source>Rule set sha256 (as applied)</source>
        <translation>规则集 sha256（实际采用）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="280"/>
        <source>Data file {name}</source>
        <translation>数据文件 {name}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="280"/>
        <source>{id} version {version}, sha256 {sha}</source>
        <translation>{id}，版本 {version}，sha256 {sha}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="290"/>
        <source>sha256 of the file</source>
        <translation>文件的 sha256</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="290"/>
        <source>sha256 of the rows in primary-key order</source>
        <translation>按主键顺序的全部记录的 sha256</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="292"/>
        <source>Input {name}</source>
        <translation>输入 {name}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="293"/>
        <source>Input {name}: features</source>
        <translation>输入 {name}：要素数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="295"/>
        <source>Input {name}: features read</source>
        <translation>输入 {name}：已读取要素数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit.py" line="297"/>
        <source>Input {name}: fingerprint</source>
        <translation>输入 {name}：内容指纹</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="36"/>
        <source>Rules and inputs</source>
        <translation>规则与输入</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="37"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="95"/>
        <source>not checked</source>
        <translation>未核查</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="97"/>
        <source>partly checked</source>
        <translation>部分核查</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="99"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="101"/>
        <source>checked</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="111"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="114"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="115"/>
        <source>Check date</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="116"/>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="120"/>
        <source>unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="123"/>
        <source>Rule status</source>
        <translation>核查状态</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="123"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="123"/>
        <source>Findings (count)</source>
        <translation>问题数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="123"/>
        <source>Σ area (m²)</source>
        <translation>面积合计（m²）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="123"/>
        <source>Σ area (mu)</source>
        <translation>面积合计（亩）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="18"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="139"/>
        <source>Conflict area (mu)</source>
        <translation>冲突面积（亩）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="141"/>
        <source>Projects by verdict</source>
        <translation>各结论项目数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="143"/>
        <source>Conflict area by rule (mu)</source>
        <translation>各规则冲突面积（亩）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="156"/>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="157"/>
        <source>m (DEM units)</source>
        <translation>米（DEM 单位）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="168"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/check_xlsx.py" line="168"/>
        <source>Features read</source>
        <translation>已读取要素数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="18"/>
        <source>Project id</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="18"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="19"/>
        <source>Declared area</source>
        <translation>申报面积</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="19"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="19"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="20"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="20"/>
        <source>Not checked</source>
        <translation>未核查规则</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="20"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="22"/>
        <source>New cultivated land</source>
        <translation>新增耕地</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="22"/>
        <source>New paddy</source>
        <translation>新增水田</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="23"/>
        <source>Quality upgrade</source>
        <translation>提质改造</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="23"/>
        <source>Source: garden</source>
        <translation>来源：园地</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="24"/>
        <source>Source: forest</source>
        <translation>来源：林地</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="24"/>
        <source>Source: grassland</source>
        <translation>来源：草地</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="25"/>
        <source>Source: construction land</source>
        <translation>来源：建设用地</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="25"/>
        <source>Source: other</source>
        <translation>来源：其他</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="26"/>
        <source>Source: forbidden classes</source>
        <translation>来源：禁止地类</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="26"/>
        <source>Average quality grade</source>
        <translation>平均质量等别</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="27"/>
        <source>Location unit code</source>
        <translation>坐落单位代码</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="27"/>
        <source>Project type</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="28"/>
        <source>Project type (Chinese)</source>
        <translation>项目类型（中文）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="28"/>
        <source>Blocks</source>
        <translation>地块数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="29"/>
        <source>Smallest block</source>
        <translation>最小地块</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="29"/>
        <source>Largest block</source>
        <translation>最大地块</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="30"/>
        <source>Slope grade 1</source>
        <translation>坡度1级</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="30"/>
        <source>Slope grade 2</source>
        <translation>坡度2级</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="31"/>
        <source>Slope grade 3</source>
        <translation>坡度3级</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="31"/>
        <source>Slope grade 4</source>
        <translation>坡度4级</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="32"/>
        <source>Slope grade 5</source>
        <translation>坡度5级</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="32"/>
        <source>Slope unknown</source>
        <translation>坡度未知</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="33"/>
        <source>Project status</source>
        <translation>项目状态</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="33"/>
        <source>Accepted</source>
        <translation>已验收</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="34"/>
        <source>Restored mine land</source>
        <translation>修复矿山面积</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="34"/>
        <source>Legacy-mine parcels</source>
        <translation>历史遗留矿山图斑数</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="35"/>
        <source>Legacy-mine parcel numbers</source>
        <translation>历史遗留矿山图斑编号</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="36"/>
        <source>Suggested restoration mode</source>
        <translation>建议修复方式</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="37"/>
        <source>Why this mode</source>
        <translation>建议理由</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/labels.py" line="37"/>
        <source>Declared restoration mode</source>
        <translation>申报修复方式</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/audit_xlsx.py" line="21"/>
        <source>Audit trail: how to reproduce this result</source>
        <translation>审计信息：如何复现本结果</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="21"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="74"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="122"/>
        <source>2020 baseline</source>
        <translation>2020年</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="122"/>
        <source>2025 target</source>
        <translation>2025年目标</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="122"/>
        <source>Current value</source>
        <translation>现状值</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="21"/>
        <source>Kind</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="40"/>
        <source>Table 1</source>
        <translation>表1</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="42"/>
        <source>Main indicators of the 14th five-year plan</source>
        <translation>“十四五”主要指标表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="68"/>
        <source>Indicators as % of their 2025 target</source>
        <translation>各指标现状值占2025年目标的百分比</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="113"/>
        <source>{indicator} by region</source>
        <translation>{indicator}（分区）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/indicators_xlsx.py" line="129"/>
        <source>{indicator}: 2020 baseline, 2025 target and current value</source>
        <translation>{indicator}：2020年基期、2025年目标与现状值</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_pdf_export.py" line="32"/>
        <source>Export check sheets (PDF)…</source>
        <translation>导出核查单 PDF…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_pdf_export.py" line="33"/>
        <source>Check the same projects again and write one A4 check sheet per project: map, findings, figures, thresholds and signature block.</source>
        <translation>按上次的图层和设置重新核查这些项目，并为每个项目输出 A4 核查单：图件、问题、指标、阈值和签字栏。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_pdf_export.py" line="84"/>
        <source>Export check sheets (PDF)</source>
        <translation>导出核查单 PDF</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_pdf.py" line="41"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_pdf_export.py" line="61"/>
        <source>Writing the check sheets…</source>
        <translation>正在生成核查单…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_pdf_export.py" line="61"/>
        <source>The check sheets could not be started.</source>
        <translation>无法开始生成核查单。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_pdf_export.py" line="79"/>
        <source>The check sheets were not written.
{log}</source>
        <translation>核查单未生成。
{log}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_pdf_export.py" line="83"/>
        <source>Check sheets written: {path}</source>
        <translation>核查单已生成：{path}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/gui/check_pdf_export.py" line="84"/>
        <source>Check sheets written. Open them now?</source>
        <translation>核查单已生成。现在打开吗？</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_pdf.py" line="41"/>
        <source>Check sheets (PDF)</source>
        <translation>核查单（PDF）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/check_pdf.py" line="73"/>
        <source>Drawing {n} check sheets…</source>
        <translation>正在绘制 {n} 份核查单…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="227"/>
        <source>Parcel {parcel} mixes point lines without a ring number (line {plain_line}: name,X,Y) and with one (line {ring_line}: name,ring,X,Y); write every point line of a parcel the same way. The parcel is skipped.</source>
        <translation>地块 {parcel} 的界址点行有的不带圈号（第 {plain_line} 行：点号,X,Y），有的带圈号（第 {ring_line} 行：点号,圈号,X,Y）；同一地块的界址点行请统一格式。该地块已跳过。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/coordtxt/parser.py" line="242"/>
        <source>Parcel {parcel}: the point lines have no ring number (name,X,Y); read as ring 1, a further ring after each ring closes on its first point ({rings} ring(s)). The monitoring system expects name,ring,X,Y: export the layer to write them.</source>
        <translation>地块 {parcel}：界址点行没有圈号（点号,X,Y）；按第1圈读取，每圈回到首点闭合后，下一点起为新的一圈（共 {rings} 圈）。监管系统要求“点号,圈号,X,Y”格式：请导出图层以写入圈号。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/slope.py" line="238"/>
        <source>must be a share between 0 (excluded) and 1, not {value}</source>
        <translation>必须是大于0且不大于1的比例，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/slope.py" line="258"/>
        <source>Slope of project {project} not fully checked: the DEM “{dem}” gives a slope for {share}% of it (at least {minimum}% needed); {area_m2} m² ({area_mu} mu) lie on nodata cells or outside the DEM. Give a DEM that covers the whole project with valid heights.</source>
        <translation>项目 {project} 的坡度未完整核查：DEM“{dem}”仅能对其 {share}% 的面积给出坡度（至少需要 {minimum}%）；{area_m2} 平方米（{area_mu} 亩）位于无数据像元上或DEM范围之外。请提供以有效高程完整覆盖该项目的DEM。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/pdf_sheets.py" line="100"/>
        <source>the PDF writer could not open the file</source>
        <translation>PDF 写入程序无法打开该文件</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/pdf_sheets.py" line="107"/>
        <source>The check-sheet atlas has {n} features for {m} projects.</source>
        <translation>核查单图集有 {n} 个要素，但项目有 {m} 个。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/pdf_labels.py" line="70"/>
        <source>must be an object of texts</source>
        <translation>必须是由文本组成的对象</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/pdf_labels.py" line="80"/>
        <source>Labels file {file}: “{key}” {problem}</source>
        <translation>标签文件 {file}：“{key}”{problem}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/pdf_layout.py" line="59"/>
        <source>Cannot read the layout template {path}: {error}</source>
        <translation>无法读取布局模板 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/pdf_layout.py" line="63"/>
        <source>The layout template {path} is not a QGIS layout template (.qpt XML). Save it again from QGIS&apos;s layout designer.</source>
        <translation>布局模板 {path} 不是 QGIS 布局模板（.qpt XML）。请在 QGIS 布局设计器中重新保存。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/pdf_layout.py" line="69"/>
        <source>QGIS could not load the layout template {path}. Save it again from QGIS&apos;s layout designer.</source>
        <translation>QGIS 无法加载布局模板 {path}。请在 QGIS 布局设计器中重新保存。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/reports/pdf_layout.py" line="110"/>
        <source>Table “{table}” of the layout template {path} shows {shown} of its {rows} rows: enlarge its frame in QGIS's layout designer, or set the table to “Repeat until finished”.</source>
        <translation>布局模板 {path} 中的表格“{table}”只能显示其 {rows} 行中的 {shown} 行：请在 QGIS 布局设计器中放大其框架，或将表格设为“重复直到完成”。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/indb_params.py" line="20"/>
        <source>Compute inside the PostGIS database when all inputs are there</source>
        <translation>所有输入均在 PostGIS 数据库中时在数据库内计算</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/indb_params.py" line="23"/>
        <source>Database statement timeout (seconds, 0 = none)</source>
        <translation>数据库语句超时（秒，0 = 不限）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/area_sql.py" line="164"/>
        <source>the layer spans more than {n} cells of 5 km</source>
        <translation>图层范围超过 {n} 个 5 千米网格</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/guards.py" line="28"/>
        <source>{n} invalid geometries in “{layer}” are repaired there (makeValid) and listed</source>
        <translation>“{layer}”中有 {n} 个无效几何，将在桌面端修复（makeValid）并列出</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/guards.py" line="31"/>
        <source>“{layer}” holds {n} non-polygonal geometries</source>
        <translation>“{layer}”含有 {n} 个非面几何</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/guards.py" line="39"/>
        <source>“{layer}” holds impossible coordinates, which are named there</source>
        <translation>“{layer}”含有不可能的坐标，将在桌面端指明</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/changematrix.py" line="154"/>
        <source>the two vintages are not both PostGIS tables</source>
        <translation>两期数据并非都是 PostGIS 表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/changematrix.py" line="156"/>
        <source>the two vintages are not read through one database connection</source>
        <translation>两期数据不是通过同一个数据库连接读取的</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/changematrix.py" line="158"/>
        <source>the current vintage is not in a CGCS2000 Gauss-Kruger CRS</source>
        <translation>现状数据不是 CGCS2000 高斯-克吕格坐标系</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/changematrix.py" line="160"/>
        <source>the two vintages are in different CRSs</source>
        <translation>两期数据的坐标系不同</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="114"/>
        <source>regions come from a region layer</source>
        <translation>区域来自区域图层</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/changematrix.py" line="164"/>
        <source>a DLBM or ZLDWDM column is not text</source>
        <translation>DLBM 或 ZLDWDM 字段不是文本类型</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="176"/>
        <source>Computed inside the PostGIS database (IN_DATABASE).</source>
        <translation>在 PostGIS 数据库内计算（IN_DATABASE）。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/changematrix.py" line="196"/>
        <source>Change matrix computed inside the PostGIS database.</source>
        <translation>地类转移矩阵已在 PostGIS 数据库内完成。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/changematrix.py" line="199"/>
        <source>The change matrix is computed on the desktop: {reason}.</source>
        <translation>地类转移矩阵改在桌面端计算：{reason}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/session.py" line="104"/>
        <source>The in-database statistics on layer “{layer}” stopped after the statement timeout of {seconds} s. Raise the timeout (advanced parameter IN_DATABASE_TIMEOUT, 0 = none), or untick IN_DATABASE to compute on the desktop.</source>
        <translation>图层“{layer}”的数据库内统计在达到 {seconds} 秒语句超时后被中止。请调大超时（高级参数 IN_DATABASE_TIMEOUT，0 = 不限），或取消勾选 IN_DATABASE 改在桌面端计算。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/session.py" line="110"/>
        <source>The database refused the in-database statistics on layer “{layer}”: {cause}. Ask the database administrator for SELECT on the input tables, or untick IN_DATABASE to compute on the desktop.</source>
        <translation>数据库拒绝了图层“{layer}”的数据库内统计：{cause}。请联系数据库管理员授予输入表的 SELECT 权限，或取消勾选 IN_DATABASE 改在桌面端计算。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/checks.py" line="77"/>
        <source>Control layers read inside the database only under the projects: {layers}.</source>
        <translation>管控图层在数据库内只读取项目范围下的要素：{layers}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="106"/>
        <source>the input and the overlay are not both PostGIS tables</source>
        <translation>输入图层和叠加图层并非都是 PostGIS 表</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="108"/>
        <source>the input and the overlay are not read through one database connection</source>
        <translation>输入图层和叠加图层不是通过同一个数据库连接读取的</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="110"/>
        <source>the input is not in a CGCS2000 Gauss-Kruger CRS</source>
        <translation>输入图层不是 CGCS2000 高斯-克吕格坐标系</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="112"/>
        <source>the overlay is in another CRS than the input</source>
        <translation>叠加图层的坐标系与输入图层不同</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="116"/>
        <source>the area mode is net (TBDLMJ apportioned)</source>
        <translation>面积模式为净面积（按比例分摊 TBDLMJ）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="118"/>
        <source>a filter expression is given (the layers&apos; own filters are applied in the database)</source>
        <translation>给出了筛选表达式（图层自身的过滤条件会在数据库中执行）</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="145"/>
        <source>Overlay statistics computed inside the PostGIS database.</source>
        <translation>叠加面积统计已在 PostGIS 数据库内完成。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/indb/overlaystats.py" line="149"/>
        <source>Overlay statistics are computed on the desktop: {reason}.</source>
        <translation>叠加面积统计改在桌面端计算：{reason}。</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/core/checks/ledger.py" line="97"/>
        <source>Layer “{layer}”, field “{field}”: the value “{value}” of feature {fid} is not a year ({low}–{high}). Choose the field that holds the year (e.g. PZNF, the approval year).</source>
        <translation>图层“{layer}”字段“{field}”：要素 {fid} 的值“{value}”不是年度（{low}–{high}）。请选择存放年度的字段（如批准年度 PZNF）。</translation>
    </message>
</context>
</TS>
