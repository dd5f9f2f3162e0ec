using CustomerRegister.Catalog;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Marketing;

internal sealed class MarketingConsentConfiguration : IEntityTypeConfiguration<MarketingConsent>
{
    public void Configure(EntityTypeBuilder<MarketingConsent> b)
    {
        b.ConfigureSubjectRecord("marketing_consents").RetainedFrom(nameof(MarketingConsent.SupersededAt));
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10).IsPersonal(Categories.MarketingPermission);
        b.Property(c => c.Purpose).HasMaxLength(40).IsPersonal(Categories.MarketingPermission);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24).IsPersonal(Categories.MarketingPermission);
        b.Property(c => c.OccurredAt).IsPersonal(Categories.MarketingPermission);
        b.Property(c => c.WordingVersion).HasMaxLength(50).IsPersonal(Categories.MarketingPermission);
        b.Property(c => c.Evidence).HasMaxLength(500).IsPersonal(Categories.MarketingPermission);
        b.Property(c => c.NoticeVersion).IsPersonal(Categories.MarketingPermission);
        b.Property(c => c.RecordedByKind).HasMaxLength(10).IsNotPersonal("kind of actor who recorded the entry (staff user or API client)");
        b.Property(c => c.RecordedById).IsNotPersonal("id of the staff user or API client who recorded the entry");
        b.Property(c => c.SupersededAt).IsPersonal(Categories.MarketingPermission);

        // No foreign keys: the ledger is evidence and may outlive both; a basis no longer in the register lapses the soft opt-in.
        b.Property(c => c.RelationshipId).IsPersonal(Categories.MarketingPermission);
        b.Property(c => c.InvoiceId).IsPersonal(Categories.MarketingPermission);
        b.Property(c => c.OptOutOffered).IsPersonal(Categories.MarketingPermission);
        b.Property(c => c.ServiceLine).HasMaxLength(40).IsPersonal(Categories.MarketingPermission);
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("surveys");
        b.Property(s => s.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(s => s.Name).HasMaxLength(200).IsNotPersonal("the survey's name");
        b.Property(s => s.Date).IsNotPersonal("the survey's date");
        b.Property(s => s.CreatedAt).IsNotPersonal("record time");
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ConfigureSubjectRecord("survey_responses");
        b.Property(r => r.SurveyId).IsNotPersonal("link to the survey");
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.SurveyId);
        b.Property(r => r.AnsweredAt).IsPersonal(Categories.Survey);
        b.Property(r => r.Answers).HasMaxLength(Surveys.MaxAnswersLength).IsPersonal(Categories.Survey);
        b.Property(r => r.Score).IsPersonal(Categories.Survey);
    }
}

internal sealed class MarketingEventConfiguration : IEntityTypeConfiguration<MarketingEvent>
{
    public void Configure(EntityTypeBuilder<MarketingEvent> b)
    {
        // The marketing desk: upcoming events by date.
        b.HasIndex(e => new { e.Date, e.Id });
        b.ToTable("marketing_events");
        b.Property(e => e.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(e => e.Name).HasMaxLength(200).IsNotPersonal("the event's name");
        b.Property(e => e.Date).IsNotPersonal("the event's date");
        b.Property(e => e.Place).HasMaxLength(200).IsNotPersonal("the event's place");
        b.Property(e => e.CreatedAt).IsNotPersonal("record time");
    }
}

internal sealed class EventInvitationConfiguration : IEntityTypeConfiguration<EventInvitation>
{
    public void Configure(EntityTypeBuilder<EventInvitation> b)
    {
        b.ConfigureSubjectRecord("event_invitations");
        b.Property(i => i.EventId).IsNotPersonal("link to the event");
        b.HasOne<MarketingEvent>().WithMany().HasForeignKey(i => i.EventId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.EventId, i.SubjectId }).IsUnique();
        b.Property(i => i.InvitedAt).IsPersonal(Categories.MarketingEvent);
        b.Property(i => i.Channel).HasConversion<string>().HasMaxLength(10).IsPersonal(Categories.MarketingEvent);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(12).IsPersonal(Categories.MarketingEvent);
        b.Property(i => i.StatusAt).IsPersonal(Categories.MarketingEvent);
    }
}

internal sealed class UnlinkedWebEventDayConfiguration : IEntityTypeConfiguration<UnlinkedWebEventDay>
{
    public void Configure(EntityTypeBuilder<UnlinkedWebEventDay> b)
    {
        b.ToTable("unlinked_web_event_days");
        b.HasKey(d => d.Day);
        b.Property(d => d.Day).IsNotPersonal("a calendar day");
        b.Property(d => d.Events).IsNotPersonal("a count of dropped events, no one's");
    }
}

internal sealed class WebEventConfiguration : IEntityTypeConfiguration<WebEvent>
{
    public void Configure(EntityTypeBuilder<WebEvent> b)
    {
        b.ConfigureSubjectRecord("web_events").RetainedFrom(nameof(WebEvent.OccurredAt));
        b.Property(e => e.OccurredAt).IsPersonal(Categories.WebBehaviour);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(12).IsPersonal(Categories.WebBehaviour);
        b.Property(e => e.Path).HasMaxLength(WebEvents.MaxPathLength).IsPersonal(Categories.WebBehaviour);
        b.Property(e => e.SessionId).HasMaxLength(100).IsPersonal(Categories.WebBehaviour);
        b.Property(e => e.Referrer).HasMaxLength(WebEvents.MaxPathLength).IsPersonal(Categories.WebBehaviour);
    }
}
