"""Charts of the workbooks (openpyxl charts, drawn by Excel, WPS and LibreOffice from the cells).

Each chart reads a small table written beside it, so the figures it shows stay visible and
checkable as numbers. Titles go through ``clean_text`` (a chart title is XML, like a cell).
"""

from __future__ import annotations

from .excel import clean_text


def bar_chart(sheet, anchor: str, title: str, data: tuple[int, int, int, int],
              categories: tuple[int, int, int] | None, axis_title: str = "",
              horizontal: bool = False, legend: bool = False, height: float = 7.5,
              width: float = 15.0):
    """A clustered bar chart of ``data`` = (first column, last column, header row, last row):
    one series per column, titled by its header cell; ``categories`` = (column, first row,
    last row) labels the bars."""
    from openpyxl.chart import BarChart, Reference

    min_col, max_col, header_row, max_row = data
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.grouping = "clustered"
    chart.title = clean_text(title)
    chart.y_axis.title = clean_text(axis_title) if axis_title else None
    chart.height, chart.width = height, width
    # openpyxl 3.1 hides the axes unless told otherwise; 3.0 ignores the attribute
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.add_data(Reference(sheet, min_col=min_col, max_col=max_col, min_row=header_row,
                             max_row=max_row), titles_from_data=True)
    if categories is not None:
        column, first, last = categories
        chart.set_categories(Reference(sheet, min_col=column, min_row=first, max_row=last))
    if not legend:
        chart.legend = None
    else:
        chart.legend.position = "b"
    sheet.add_chart(chart, anchor)
    return chart
