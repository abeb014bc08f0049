"""Units, people and my page; a unit's cadence and derived goals, a person's reminders and the link that stops them."""

from __future__ import annotations

from django.urls import path

from lodestar.web.org import chat, derive, rhythm, views

urlpatterns = [
    path("me/", views.me, name="me"),
    path("units/<str:unit_id>/", views.unit_page, name="unit"),
    path("units/<str:unit_id>/chat", chat.unit_chat, name="unit-chat"),
    path("units/<str:unit_id>/cadence", rhythm.cadence_form, name="unit-cadence"),
    path("units/<str:unit_id>/derive/", derive.derive, name="unit-derive"),
    path("units/<str:unit_id>/derive/accept", derive.accept, name="unit-derive-accept"),
    path("units/<str:unit_id>/derive/dismiss", derive.dismiss, name="unit-derive-dismiss"),
    path("people/<str:person_id>/", views.person_page, name="person"),
    path("people/<str:person_id>/reminders", rhythm.person_reminders, name="person-reminders"),
    path("reminders/stop/<str:token>/", rhythm.stop, name="reminders-stop"),
]
