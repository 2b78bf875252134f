using NestPortal.Domain.Common;
using NestPortal.Domain.Documents;

namespace NestPortal.Domain.Tests.Documents;

public class DocumentTests
{
    private static readonly Actor Mentor = new("mentor-1", "Miriam Mentorin");
    private static readonly Actor OtherMentor = new("mentor-2", "Bernd Zweitmentor");
    private static readonly Actor Clerk = new("kfi-1", "Klara Kompetenz");
    private static readonly DateTime Now = new(2026, 6, 17, 9, 0, 0, DateTimeKind.Utc);

    private static Document Upload(DocumentOwnerKind owner = DocumentOwnerKind.Group, DocumentCategory category = DocumentCategory.Declaration) =>
        new(owner, 7, category, "Erklärung.pdf", "application/pdf", 1234, new string('a', 64), Mentor, Now);

    [Fact]
    public void A_category_must_belong_to_the_record()
    {
        Should.Throw<DomainException>(() => Upload(DocumentOwnerKind.Group, DocumentCategory.Lease))
            .Message.ShouldBe("Diese Art von Dokument gehört nicht zu diesem Datensatz.");
        Upload(DocumentOwnerKind.Sponsorship, DocumentCategory.Lease).Category.ShouldBe(DocumentCategory.Lease);
    }

    [Fact]
    public void A_mentor_deletes_their_own_upload_only_while_the_group_can_still_change()
    {
        Should.Throw<DomainException>(() => Upload().Delete(OtherMentor, isStaff: false, groupEditable: true, null, Now))
            .Message.ShouldBe("Sie können nur Dokumente löschen, die Sie selbst hochgeladen haben.");
        Should.Throw<DomainException>(() => Upload().Delete(Mentor, isStaff: false, groupEditable: false, null, Now))
            .Message.ShouldBe("Nach dem Einreichen können Dokumente nicht mehr gelöscht werden. Laden Sie bei Bedarf eine neue Fassung hoch.");

        var document = Upload();
        document.Delete(Mentor, isStaff: false, groupEditable: true, null, Now);

        document.IsAvailable.ShouldBeFalse();
        document.FileName.ShouldBeNull();
        document.Sha256.ShouldBeNull();
        document.DeletedByName.ShouldBe("Miriam Mentorin");
    }

    [Fact]
    public void Staff_delete_any_document_at_any_time_with_a_reason_and_only_once()
    {
        Should.Throw<DomainException>(() => Upload().Delete(Clerk, isStaff: true, groupEditable: false, " ", Now))
            .Message.ShouldBe("Bitte geben Sie einen Grund für das Löschen an.");
        var document = Upload();

        document.Delete(Clerk, isStaff: true, groupEditable: false, " Falsche Familie ", Now);

        document.DeletionReason.ShouldBe("Falsche Familie");
        Should.Throw<DomainException>(() => document.Delete(Clerk, isStaff: true, groupEditable: false, "noch einmal", Now))
            .Message.ShouldBe("Das Dokument ist bereits gelöscht.");
    }

    [Fact]
    public void Erasure_forgets_the_name_the_fingerprint_and_a_reason_and_keeps_what_is_no_personal_data()
    {
        var document = Upload();
        document.Delete(Clerk, isStaff: true, groupEditable: false, "Enthält Daten von Frau Muster", Now);

        document.Erase(Now.AddYears(2));

        document.ErasedAtUtc.ShouldBe(Now.AddYears(2));
        document.DeletionReason.ShouldBeNull();
        document.FileName.ShouldBeNull();
        (document.Category, document.Size).ShouldBe((DocumentCategory.Declaration, 1234L));
    }

    [Fact]
    public void A_request_is_answered_by_an_upload_of_its_category_to_its_record_and_can_be_withdrawn_while_open()
    {
        var request = new DocumentRequest(DocumentOwnerKind.Group, 7, DocumentCategory.Declaration, " Bitte die Erklärung. ", Clerk, Now);
        request.Explanation.ShouldBe("Bitte die Erklärung.");
        request.IsAnsweredBy(Upload(DocumentOwnerKind.Group, DocumentCategory.TrainingCertificate)).ShouldBeFalse();
        request.IsAnsweredBy(Upload()).ShouldBeTrue();

        request.Fulfil(11, Now);

        request.IsOpen.ShouldBeFalse();
        request.FulfilledByDocumentId.ShouldBe(11);
        Should.Throw<DomainException>(() => request.Withdraw(Now)).Message.ShouldBe("Die Anforderung ist bereits erledigt.");
        Should.Throw<DomainException>(() => new DocumentRequest(DocumentOwnerKind.Household, 3, DocumentCategory.Other, "x", Clerk, Now))
            .Message.ShouldBe("Von einer Familie werden keine Dokumente über das Portal angefordert.");
    }
}
