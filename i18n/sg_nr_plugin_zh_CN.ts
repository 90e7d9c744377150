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
      <location filename="../sg_nr_plugin/plugin.py" line="45" />
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
      <location filename="../sg_nr_plugin/core/excel.py" line="22" />
      <source>Writing Excel files needs the Python package openpyxl, which this QGIS lacks. Install it (OSGeo4W: python3-openpyxl; Debian: python3-openpyxl) or leave the Excel output empty.</source>
      <translation>写入 Excel 文件需要 Python 包 openpyxl，当前 QGIS 中没有。请安装（OSGeo4W：python3-openpyxl；Debian：python3-openpyxl），或将 Excel 输出留空。</translation>
    </message>
    <message>
      <location filename="../sg_nr_plugin/core/excel.py" line="74" />
      <source>lock file {name} exists</source>
      <translation>存在锁定文件 {name}</translation>
    </message>
  </context>
</TS>