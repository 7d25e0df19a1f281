"""Valid creation payloads for each type, shared by the REST and Python tests."""

import base64


# Between 150 and 2000 characters, as every criterion of an application must be.
CRITERION_TEXT = (
    "Pupils planned the work with their partners, chose the tools and "
    "presented their findings to both schools in a shared online event, "
    "then assessed each other's work with a rubric they wrote together."
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def valid_payloads() -> dict[str, dict]:
    return {
        "TwinSpace": {
            "@type": "TwinSpace",
            "title": "Water in our towns / El agua en nuestras ciudades",
            "languages": ["en", "es"],
            "subjects": ["geography", "natural_sciences"],
            "age_from": 10,
            "age_to": 12,
            "pupils_count": 40,
            "erasmus_key_action": "KA122",
            "erasmus_project_reference": "2025-1-ES01-KA122-SCH-000123456",
            "start": "2026-09-15",
            "end": "2027-06-15",
        },
        "Group": {
            "@type": "Group",
            "title": "Teachers of Latin",
            "access": "open",
            "languages": ["en", "it"],
            "subjects": ["language_literature"],
        },
        "PartnerPosting": {
            "@type": "PartnerPosting",
            "title": "Partner school wanted for a maths project",
            "partnership_type": "etwinning_project",
            "looking_for": "partner_school",
            "country": "ES",
            "languages": ["en"],
            "age_from": 8,
            "age_to": 10,
            "topics": ["stem"],
            "expires": "2027-06-30",
        },
        "Page": {
            "@type": "Page",
            "title": "Our first meeting",
            "text": {"data": "<p>Hello partners!</p>", "content-type": "text/html"},
        },
        "Material": {
            "@type": "Material",
            "title": "Worksheet",
            "file": {
                "data": base64.b64encode(PDF_BYTES).decode(),
                "encoding": "base64",
                "filename": "worksheet.pdf",
                "content-type": "application/pdf",
            },
            "copyright_confirmed": True,
            "license": "cc-by-4.0",
        },
        "Mobility": {
            "@type": "Mobility",
            "title": "Job shadowing in Genova",
            "key_action": "KA122",
            "activity_type": "job_shadowing",
            "direction": "outgoing",
            "sending_organisation": "IES Miguel de Cervantes",
            "receiving_organisation": "Liceo Galileo Galilei",
            "host_country": "IT",
            "start": "2027-02-08",
            "end": "2027-02-12",
            "participants_staff": 2,
        },
        "QualityLabel": {
            "@type": "QualityLabel",
            "title": "National label application",
            "level": "national",
            "school_year": "2026-2027",
            "pedagogical_approaches": CRITERION_TEXT,
            "curricular_integration": CRITERION_TEXT,
            "collaboration": CRITERION_TEXT,
            "use_of_technology": CRITERION_TEXT,
            "results_documentation": CRITERION_TEXT,
        },
    }
