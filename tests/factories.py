"""factory-boy factories for the foundation's models."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from dieuhanh.documents.models import Document
from dieuhanh.orgs.models import Organisation, Person, Role, Unit
from dieuhanh.tasks.models import Assigner, Task


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Sở Khoa học và Công nghệ tỉnh Thử {n}")
    header_name = "Sở Khoa học và Công nghệ"
    parent_body = "UBND TỈNH THỬ"
    place = "Thử"
    code = "KHCN"
    slug = factory.Sequence(lambda n: f"so-thu-{n}")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    org = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Phòng số {n}")
    code = factory.Sequence(lambda n: f"P{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu-nghiem")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    org = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    title = "Chuyên viên"
    role = Role.OFFICER


class AssignerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assigner

    org = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"UBND tỉnh {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    org = factory.SubFactory(OrganisationFactory)
    number_raw = factory.Sequence(lambda n: f"{n + 1}/UBND-KGVX")
    issued_on = dt.date(2024, 1, 12)
    issuer = "UBND tỉnh"
    summary = "V/v triển khai nhiệm vụ"


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    org = factory.SubFactory(OrganisationFactory)
    content = factory.Sequence(lambda n: f"Nhiệm vụ số {n}")
    assigned_on = dt.date(2024, 1, 10)
    original_deadline = None
    deadline = factory.LazyAttribute(lambda t: t.original_deadline)
