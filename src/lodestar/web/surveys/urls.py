"""The survey pages."""

from __future__ import annotations

from django.urls import path

from lodestar.web.surveys import results, views

urlpatterns = [
    path("surveys/", views.surveys_page, name="surveys"),
    path("surveys/<str:survey_id>/answer", views.answer_page, name="survey-answer"),
    path("surveys/<str:survey_id>/results", results.results_page, name="survey-results"),
]
