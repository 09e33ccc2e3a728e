"""URLs of the pages, Vietnamese paths. Every pattern here needs a row in the permission
matrix test (tests/web/test_permissions.py), which fails otherwise."""

from django.urls import path

from dieuhanh.web.views import auth, dashboard, documents, imports, manage, reports, research, task_actions, tasks

app_name = "web"

urlpatterns = [
    path("dang-nhap/", auth.SignInView.as_view(), name="sign_in"),
    path("dang-xuat/", auth.sign_out, name="sign_out"),
    path("", dashboard.dashboard, name="dashboard"),
    # tasks
    path("nhiem-vu/", tasks.task_list, name="task_list"),
    path("nhiem-vu/giao-moi/", tasks.task_create, name="task_create"),
    path("nhiem-vu/<int:pk>/", tasks.task_detail, name="task_detail"),
    path("nhiem-vu/<int:pk>/sua/", tasks.task_edit, name="task_edit"),
    path("nhiem-vu/<int:pk>/tien-do/", task_actions.task_note, name="task_note"),
    path("nhiem-vu/<int:pk>/bat-dau/", task_actions.task_start, name="task_start"),
    path("nhiem-vu/<int:pk>/hoan-thanh/", task_actions.task_complete_view, name="task_complete"),
    path("nhiem-vu/<int:pk>/mo-lai/", task_actions.task_reopen_view, name="task_reopen"),
    path("nhiem-vu/<int:pk>/gia-han/", task_actions.extension_request_view, name="extension_request"),
    path("nhiem-vu/<int:pk>/giao-tiep/", task_actions.task_split_view, name="task_split"),
    path("gia-han/<int:pk>/quyet-dinh/", task_actions.extension_decide_view, name="extension_decide"),
    # documents
    path("van-ban/", documents.document_list, name="document_list"),
    path("van-ban/vao-so/", documents.document_register_view, name="document_register"),
    path("van-ban/<int:pk>/", documents.document_detail, name="document_detail"),
    path("van-ban/<int:pk>/tep/", documents.document_file, name="document_file"),
    path("van-ban/<int:pk>/trich-dan/", documents.citation_add_view, name="citation_add"),
    # import with review (nhập văn bản)
    path("nhap-van-ban/", imports.import_list, name="import_list"),
    path("nhap-van-ban/tai-len/", imports.import_upload, name="import_upload"),
    path("nhap-van-ban/<int:pk>/", imports.import_review, name="import_review"),
    path("nhap-van-ban/<int:pk>/xac-nhan/", imports.import_confirm_view, name="import_confirm"),
    path("nhap-van-ban/<int:pk>/bo/", imports.import_discard_view, name="import_discard"),
    # research tasks (nhiệm vụ KH&CN)
    path("nhiem-vu-khcn/", research.research_list, name="research_list"),
    path("nhiem-vu-khcn/xuat-excel/", research.research_export, name="research_export"),
    path("nhiem-vu-khcn/don-doc/", research.research_chase, name="research_chase"),
    path("nhiem-vu-khcn/them/", research.research_create, name="research_create"),
    path("nhiem-vu-khcn/nhap-excel/", research.research_import, name="research_import"),
    path("nhiem-vu-khcn/<int:pk>/", research.research_detail, name="research_detail"),
    path("nhiem-vu-khcn/<int:pk>/sua/", research.research_edit, name="research_edit"),
    path("nhiem-vu-khcn/<int:pk>/buoc/", research.research_event, name="research_event"),
    path("nhiem-vu-khcn/<int:pk>/ho-so.docx", research.research_record_docx, name="research_record_docx"),
    path("nhiem-vu-khcn/<int:pk>/ho-so.xlsx", research.research_record_xlsx, name="research_record_xlsx"),
    # periodic reports
    path("bao-cao/", reports.report_home, name="report_home"),
    path("bao-cao/phu-luc/", reports.report_appendix, name="report_appendix"),
    path("bao-cao/loai/them/", reports.report_type_create_view, name="report_type_create"),
    path("bao-cao/loai/<int:pk>/", reports.report_type_edit, name="report_type_edit"),
    path("bao-cao/loai/<int:pk>/mo-ky/", reports.report_open, name="report_open"),
    path("bao-cao/loai/<int:pk>/mau/", reports.report_template, name="report_template"),
    path("bao-cao/loai/<int:pk>/mau/tai-ve/", reports.report_template_download, name="report_template_download"),
    path("bao-cao/loai/<int:pk>/mau/mac-dinh/", reports.report_template_reset, name="report_template_reset"),
    path("bao-cao/ky/<int:pk>/", reports.period_report_detail, name="period_report_detail"),
    path("bao-cao/ky/<int:pk>/sua/", reports.period_report_edit, name="period_report_edit"),
    path("bao-cao/ky/<int:pk>/nhac/", reports.period_report_remind_view, name="period_report_remind"),
    path("bao-cao/ky/<int:pk>/khoa/", reports.period_report_lock_view, name="period_report_lock"),
    path("bao-cao/ky/<int:pk>/mo-khoa/", reports.period_report_unlock_view, name="period_report_unlock"),
    path("bao-cao/ky/<int:pk>/tai-ve/<str:fmt>/", reports.period_report_download, name="period_report_download"),
    path("bao-cao/ky/<int:pk>/don-vi/<int:unit_pk>/", reports.submission_edit, name="submission_edit"),
    path("bao-cao/ky/<int:pk>/don-vi/<int:unit_pk>/duyet/", reports.submission_approve_view, name="submission_approve"),
    # the organisation admin
    path("quan-tri/don-vi/", manage.unit_list, name="unit_list"),
    path("quan-tri/don-vi/them/", manage.unit_create, name="unit_create"),
    path("quan-tri/don-vi/<int:pk>/sua/", manage.unit_edit, name="unit_edit"),
    path("quan-tri/can-bo/", manage.person_list, name="person_list"),
    path("quan-tri/can-bo/them/", manage.person_create, name="person_create"),
    path("quan-tri/can-bo/<int:pk>/sua/", manage.person_edit, name="person_edit"),
    path("quan-tri/can-bo/<int:pk>/tai-khoan/", manage.person_login, name="person_login"),
    path("quan-tri/can-bo/<int:pk>/thoi-cong-tac/", manage.person_deactivate, name="person_deactivate"),
]
