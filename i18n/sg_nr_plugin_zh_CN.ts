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
        <location filename="../sg_nr_plugin/plugin.py" line="46"/>
        <source>Processing algorithms…</source>
        <translation>处理工具…</translation>
    </message>
    <message>
        <location filename="../sg_nr_plugin/processing/provider.py" line="24"/>
        <source>Shaoguan Natural Resources (三调 statistics and project checks)</source>
        <translation>韶关自然资源（三调统计与项目核查）</translation>
    </message>
</context>
</TS>
