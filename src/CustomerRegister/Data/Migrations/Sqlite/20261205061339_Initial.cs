using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_clients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    key_prefix = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    key_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    permissions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    approved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    approved_by = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_clients", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    fields = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    grants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    correlation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_seals",
                columns: table => new
                {
                    number = table.Column<long>(type: "INTEGER", nullable: false),
                    first_event_id = table.Column<long>(type: "INTEGER", nullable: false),
                    last_event_id = table.Column<long>(type: "INTEGER", nullable: false),
                    event_count = table.Column<int>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sealed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_seals", x => x.number);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marketing_bans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    address_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_bans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marketing_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "production_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    cctv_retention_months = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_production_units", x => x.id);
                    table.CheckConstraint("ck_production_units_cctv_retention_months", "cctv_retention_months BETWEEN 1 AND 6");
                });

            migrationBuilder.CreateTable(
                name: "retention_batch_subjects",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_batch_subjects", x => new { x.batch_id, x.subject_id });
                });

            migrationBuilder.CreateTable(
                name: "retention_leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "retention_purged_subjects",
                columns: table => new
                {
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    purged_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_purged_subjects", x => x.subject_id);
                });

            migrationBuilder.CreateTable(
                name: "retention_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    as_of = table.Column<DateTime>(type: "TEXT", nullable: false),
                    instance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deleted = table.Column<long>(type: "INTEGER", nullable: false),
                    held = table.Column<long>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "search_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    term = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    target_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    target_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    sort_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subjects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subjects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unlinked_web_event_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    events = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unlinked_web_event_days", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    must_change_password = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cctv_recordings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    camera = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    period_start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateTime>(type: "TEXT", nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cctv_recordings", x => x.id);
                    table.ForeignKey(
                        name: "fk_cctv_recordings_production_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "production_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "retention_run_counts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    table_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    categories = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_run_counts", x => x.id);
                    table.ForeignKey(
                        name: "fk_retention_run_counts_retention_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "retention_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "additional_info",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    consent_text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    consent_version = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    consented_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_additional_info", x => x.id);
                    table.ForeignKey(
                        name: "fk_additional_info_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_recordings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    caller_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    agent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    agent_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    duration_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_recordings", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_recordings_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consumers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    bank_account_cipher = table.Column<byte[]>(type: "BLOB", maxLength: 512, nullable: true),
                    bank_account_lookup = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    bank_account_masked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consumers", x => x.id);
                    table.ForeignKey(
                        name: "fk_consumers_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "data_subject_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    requester_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requester_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    requester_phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    requester_address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    assigned_to = table.Column<Guid>(type: "TEXT", nullable: true),
                    duplicate_of_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    matched_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    matched_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    email_token_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    email_confirmed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    mail_message_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    identity_method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    identity_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    identity_verified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    identity_verified_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    original_due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    extended_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    extended_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    extension_letter = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    extension_told_via = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    response_letter = table.Column<string>(type: "TEXT", maxLength: 6000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_subject_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_subject_requests_data_subject_requests_duplicate_of_id",
                        column: x => x.duplicate_of_id,
                        principalTable: "data_subject_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_data_subject_requests_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "event_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invited_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_invitations_marketing_event_event_id",
                        column: x => x.event_id,
                        principalTable: "marketing_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_event_invitations_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: true),
                    handled = table.Column<bool>(type: "INTEGER", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback", x => x.id);
                    table.ForeignKey(
                        name: "fk_feedback_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "legal_holds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    table_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    row_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    set_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    released_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    released_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    release_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_holds", x => x.id);
                    table.ForeignKey(
                        name: "fk_legal_holds_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marketing_consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    wording_version = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    recorded_by_kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    relationship_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    opt_out_offered = table.Column<bool>(type: "INTEGER", nullable: true),
                    service_line = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    superseded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_consents", x => x.id);
                    table.ForeignKey(
                        name: "fk_marketing_consents_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    business_id = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    is_sole_trader = table.Column<bool>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                    table.ForeignKey(
                        name: "fk_organisations_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "processing_limits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ground = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    set_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    lifted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    lifted_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    lift_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processing_limits", x => x.id);
                    table.ForeignKey(
                        name: "fk_processing_limits_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "web_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    session_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    referrer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_web_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_web_events_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    survey_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    answered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_responses_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_responses_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contact_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    staff_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_history_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contact_history_users_staff_user_id",
                        column: x => x.staff_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_recovery_codes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    used_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_recovery_codes", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_recovery_codes_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_two_factor",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    protected_secret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    enabled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_time_step = table.Column<long>(type: "INTEGER", nullable: false),
                    failed_codes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_two_factor", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_user_two_factor_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scrapping_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    consumer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    registration_number = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    vin = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    make = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    vehicle_class = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    owner_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    owner_street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    owner_postal_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    owner_city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    owner_nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    deregistered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    identity_code_cipher = table.Column<byte[]>(type: "BLOB", maxLength: 512, nullable: true),
                    identity_code_lookup = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    identity_code_masked = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scrapping_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_scrapping_certificates_consumers_consumer_id",
                        column: x => x.consumer_id,
                        principalTable: "consumers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_scrapping_certificates_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "erasure_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erasure_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_erasure_certificates_data_subject_request_request_id",
                        column: x => x.request_id,
                        principalTable: "data_subject_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_erasure_certificates_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_mail",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    message = table.Column<byte[]>(type: "BLOB", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    failed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_mail", x => x.id);
                    table.ForeignKey(
                        name: "fk_outgoing_mail_data_subject_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "data_subject_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_actions_data_subject_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "data_subject_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_rectifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    table = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    row_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    before = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    after = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    category_id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_rectifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_rectifications_data_subject_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "data_subject_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "collection_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    opened_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    agency_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    consumer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_collection_cases_consumer_consumer_id",
                        column: x => x.consumer_id,
                        principalTable: "consumers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_collection_cases_organisation_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_collection_cases_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contact_persons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    role_ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_persons", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_persons_organisation_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contact_persons_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_relationships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    customer_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_relationships", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_relationships_organisation_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_relationships_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relationship_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contracts_customer_relationship_relationship_id",
                        column: x => x.relationship_id,
                        principalTable: "customer_relationships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    financial_year_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    collection_case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    relationship_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    billing_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    billing_street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    billing_postal_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    billing_city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    consumer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_invoices_collection_cases_collection_case_id",
                        column: x => x.collection_case_id,
                        principalTable: "collection_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_consumer_consumer_id",
                        column: x => x.consumer_id,
                        principalTable: "consumers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_customer_relationship_relationship_id",
                        column: x => x.relationship_id,
                        principalTable: "customer_relationships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_organisation_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "metal_credit_payouts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    consumer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relationship_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    weight_kg = table.Column<decimal>(type: "TEXT", precision: 12, scale: 3, nullable: true),
                    material = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    bank_account_cipher = table.Column<byte[]>(type: "BLOB", maxLength: 512, nullable: false),
                    bank_account_masked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metal_credit_payouts", x => x.id);
                    table.ForeignKey(
                        name: "fk_metal_credit_payouts_consumer_consumer_id",
                        column: x => x.consumer_id,
                        principalTable: "consumers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_metal_credit_payouts_customer_relationship_relationship_id",
                        column: x => x.relationship_id,
                        principalTable: "customer_relationships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_metal_credit_payouts_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ordered_services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relationship_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    service_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ordered_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ordered_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_ordered_services_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ordered_services_customer_relationships_relationship_id",
                        column: x => x.relationship_id,
                        principalTable: "customer_relationships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    paid_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    consumer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_consumer_consumer_id",
                        column: x => x.consumer_id,
                        principalTable: "consumers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_organisation_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    reported_by = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    contact_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_events_contact_persons_contact_person_id",
                        column: x => x.contact_person_id,
                        principalTable: "contact_persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_service_events_ordered_services_service_id",
                        column: x => x.service_id,
                        principalTable: "ordered_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_additional_info_subject_id",
                table: "additional_info",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_clients_key_prefix",
                table: "api_clients",
                column: "key_prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_actor_id_id",
                table: "audit_events",
                columns: new[] { "actor_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_occurred_at",
                table: "audit_events",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_subject_id_id",
                table: "audit_events",
                columns: new[] { "subject_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_seals_last_event_id",
                table: "audit_seals",
                column: "last_event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_caller_number",
                table: "call_recordings",
                column: "caller_number");

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_started_at",
                table: "call_recordings",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_storage_key",
                table: "call_recordings",
                column: "storage_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_subject_id",
                table: "call_recordings",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_cctv_recordings_period_end",
                table: "cctv_recordings",
                column: "period_end");

            migrationBuilder.CreateIndex(
                name: "ix_cctv_recordings_period_start",
                table: "cctv_recordings",
                column: "period_start");

            migrationBuilder.CreateIndex(
                name: "ix_cctv_recordings_storage_key",
                table: "cctv_recordings",
                column: "storage_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cctv_recordings_unit_id_period_start",
                table: "cctv_recordings",
                columns: new[] { "unit_id", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_cases_closed_at",
                table: "collection_cases",
                column: "closed_at");

            migrationBuilder.CreateIndex(
                name: "ix_collection_cases_consumer_id",
                table: "collection_cases",
                column: "consumer_id");

            migrationBuilder.CreateIndex(
                name: "ix_collection_cases_organisation_id",
                table: "collection_cases",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_collection_cases_subject_id",
                table: "collection_cases",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_consumers_bank_account_lookup",
                table: "consumers",
                column: "bank_account_lookup");

            migrationBuilder.CreateIndex(
                name: "ix_consumers_subject_id",
                table: "consumers",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_history_staff_user_id",
                table: "contact_history",
                column: "staff_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_history_subject_id_occurred_at_id",
                table: "contact_history",
                columns: new[] { "subject_id", "occurred_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_persons_organisation_id",
                table: "contact_persons",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_persons_role_ended_on",
                table: "contact_persons",
                column: "role_ended_on");

            migrationBuilder.CreateIndex(
                name: "ix_contact_persons_subject_id",
                table: "contact_persons",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_number",
                table: "contracts",
                column: "contract_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_end_date",
                table: "contracts",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_relationship_id",
                table: "contracts",
                column: "relationship_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_relationships_customer_number",
                table: "customer_relationships",
                column: "customer_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customer_relationships_end_date",
                table: "customer_relationships",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_customer_relationships_organisation_id",
                table: "customer_relationships",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_relationships_subject_id",
                table: "customer_relationships",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_closed_at",
                table: "data_subject_requests",
                column: "closed_at");

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_duplicate_of_id",
                table: "data_subject_requests",
                column: "duplicate_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_email_token_hash",
                table: "data_subject_requests",
                column: "email_token_hash");

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_mail_message_hash",
                table: "data_subject_requests",
                column: "mail_message_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_state_due_date",
                table: "data_subject_requests",
                columns: new[] { "state", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_subject_id",
                table: "data_subject_requests",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_erasure_certificates_completed_at",
                table: "erasure_certificates",
                column: "completed_at");

            migrationBuilder.CreateIndex(
                name: "ix_erasure_certificates_request_id",
                table: "erasure_certificates",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_erasure_certificates_subject_id",
                table: "erasure_certificates",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_invitations_event_id_subject_id",
                table: "event_invitations",
                columns: new[] { "event_id", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_invitations_subject_id",
                table: "event_invitations",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_subject_id",
                table: "feedback",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_collection_case_id",
                table: "invoices",
                column: "collection_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_consumer_id",
                table: "invoices",
                column: "consumer_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_financial_year_end",
                table: "invoices",
                column: "financial_year_end");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_invoice_number",
                table: "invoices",
                column: "invoice_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_issue_date_subject_id",
                table: "invoices",
                columns: new[] { "issue_date", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_organisation_id",
                table: "invoices",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_relationship_id",
                table: "invoices",
                column: "relationship_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_subject_id",
                table: "invoices",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_legal_holds_released_at",
                table: "legal_holds",
                column: "released_at");

            migrationBuilder.CreateIndex(
                name: "ix_legal_holds_row_id",
                table: "legal_holds",
                column: "row_id");

            migrationBuilder.CreateIndex(
                name: "ix_legal_holds_subject_id",
                table: "legal_holds",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_marketing_bans_channel_address_hash",
                table: "marketing_bans",
                columns: new[] { "channel", "address_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marketing_consents_subject_id",
                table: "marketing_consents",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_marketing_consents_superseded_at",
                table: "marketing_consents",
                column: "superseded_at");

            migrationBuilder.CreateIndex(
                name: "ix_metal_credit_payouts_consumer_id",
                table: "metal_credit_payouts",
                column: "consumer_id");

            migrationBuilder.CreateIndex(
                name: "ix_metal_credit_payouts_paid_on",
                table: "metal_credit_payouts",
                column: "paid_on");

            migrationBuilder.CreateIndex(
                name: "ix_metal_credit_payouts_relationship_id",
                table: "metal_credit_payouts",
                column: "relationship_id");

            migrationBuilder.CreateIndex(
                name: "ix_metal_credit_payouts_subject_id",
                table: "metal_credit_payouts",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_ordered_services_contract_id",
                table: "ordered_services",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_ordered_services_relationship_id",
                table: "ordered_services",
                column: "relationship_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_business_id",
                table: "organisations",
                column: "business_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_subject_id",
                table: "organisations",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_mail_created_at",
                table: "outgoing_mail",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_mail_failed_at_next_attempt_at",
                table: "outgoing_mail",
                columns: new[] { "failed_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_mail_request_id",
                table: "outgoing_mail",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_consumer_id",
                table: "payments",
                column: "consumer_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_invoice_id",
                table: "payments",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_organisation_id",
                table: "payments",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_paid_at",
                table: "payments",
                column: "paid_at");

            migrationBuilder.CreateIndex(
                name: "ix_payments_subject_id",
                table: "payments",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_processing_limits_lifted_at",
                table: "processing_limits",
                column: "lifted_at");

            migrationBuilder.CreateIndex(
                name: "ix_processing_limits_subject_id_kind_lifted_at",
                table: "processing_limits",
                columns: new[] { "subject_id", "kind", "lifted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_request_actions_at",
                table: "request_actions",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_request_actions_request_id_at",
                table: "request_actions",
                columns: new[] { "request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_request_rectifications_request_id_at",
                table: "request_rectifications",
                columns: new[] { "request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_retention_run_counts_run_id",
                table: "retention_run_counts",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_retention_runs_started_at",
                table: "retention_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scrapping_certificates_certificate_number",
                table: "scrapping_certificates",
                column: "certificate_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scrapping_certificates_consumer_id",
                table: "scrapping_certificates",
                column: "consumer_id");

            migrationBuilder.CreateIndex(
                name: "ix_scrapping_certificates_identity_code_lookup",
                table: "scrapping_certificates",
                column: "identity_code_lookup");

            migrationBuilder.CreateIndex(
                name: "ix_scrapping_certificates_issue_date",
                table: "scrapping_certificates",
                column: "issue_date");

            migrationBuilder.CreateIndex(
                name: "ix_scrapping_certificates_subject_id",
                table: "scrapping_certificates",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_search_entries_field_term",
                table: "search_entries",
                columns: new[] { "field", "term" });

            migrationBuilder.CreateIndex(
                name: "ix_search_entries_subject_id",
                table: "search_entries",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_search_entries_target_id",
                table: "search_entries",
                column: "target_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_events_contact_person_id",
                table: "service_events",
                column: "contact_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_events_service_id",
                table: "service_events",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_subject_id",
                table: "survey_responses",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_survey_id",
                table: "survey_responses",
                column: "survey_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_recovery_codes_user_id_code_hash",
                table: "user_recovery_codes",
                columns: new[] { "user_id", "code_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_web_events_occurred_at",
                table: "web_events",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_web_events_subject_id",
                table: "web_events",
                column: "subject_id");

            HandWrittenSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            HandWrittenSql.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "additional_info");

            migrationBuilder.DropTable(
                name: "api_clients");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "audit_seals");

            migrationBuilder.DropTable(
                name: "call_recordings");

            migrationBuilder.DropTable(
                name: "cctv_recordings");

            migrationBuilder.DropTable(
                name: "contact_history");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "erasure_certificates");

            migrationBuilder.DropTable(
                name: "event_invitations");

            migrationBuilder.DropTable(
                name: "feedback");

            migrationBuilder.DropTable(
                name: "legal_holds");

            migrationBuilder.DropTable(
                name: "marketing_bans");

            migrationBuilder.DropTable(
                name: "marketing_consents");

            migrationBuilder.DropTable(
                name: "metal_credit_payouts");

            migrationBuilder.DropTable(
                name: "outgoing_mail");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "processing_limits");

            migrationBuilder.DropTable(
                name: "request_actions");

            migrationBuilder.DropTable(
                name: "request_rectifications");

            migrationBuilder.DropTable(
                name: "retention_batch_subjects");

            migrationBuilder.DropTable(
                name: "retention_leases");

            migrationBuilder.DropTable(
                name: "retention_purged_subjects");

            migrationBuilder.DropTable(
                name: "retention_run_counts");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "scrapping_certificates");

            migrationBuilder.DropTable(
                name: "search_entries");

            migrationBuilder.DropTable(
                name: "service_events");

            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropTable(
                name: "unlinked_web_event_days");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_recovery_codes");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "user_two_factor");

            migrationBuilder.DropTable(
                name: "web_events");

            migrationBuilder.DropTable(
                name: "production_units");

            migrationBuilder.DropTable(
                name: "marketing_events");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "data_subject_requests");

            migrationBuilder.DropTable(
                name: "retention_runs");

            migrationBuilder.DropTable(
                name: "contact_persons");

            migrationBuilder.DropTable(
                name: "ordered_services");

            migrationBuilder.DropTable(
                name: "surveys");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "collection_cases");

            migrationBuilder.DropTable(
                name: "contracts");

            migrationBuilder.DropTable(
                name: "consumers");

            migrationBuilder.DropTable(
                name: "customer_relationships");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropTable(
                name: "subjects");
        }
    }
}
