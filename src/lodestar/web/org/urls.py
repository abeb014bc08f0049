"""Units, people and my page."""

from __future__ import annotations

from django.urls import path

from lodestar.web.org import chat, views

urlpatterns = [
    path("me/", views.me, name="me"),
    path("units/<str:unit_id>/", views.unit_page, name="unit"),
    path("units/<str:unit_id>/chat", chat.unit_chat, name="unit-chat"),
    path("people/<str:person_id>/", views.person_page, name="person"),
]
