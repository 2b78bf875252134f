using System.Globalization;
using NestPortal.Domain.Common;

namespace NestPortal.Domain.Tests.Common;

public class DomainErrorTests
{
    [Fact]
    public void Dates_are_written_the_German_way()
    {
        var error = new DomainError("Am {0:dd.MM.yyyy} gelten keine Programmregeln.", new DateOnly(2019, 5, 5));

        error.Format().ShouldBe("Am 05.05.2019 gelten keine Programmregeln.");
        error.ToString().ShouldBe(error.Format());
    }

    [Fact]
    public void German_is_used_whatever_the_culture_of_the_thread()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");

            new DomainError("{0:d} / {1:N2} €", new DateOnly(2022, 7, 1), 1234.5m).Format()
                .ShouldBe("01.07.2022 / 1.234,50 €");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Another_culture_can_be_asked_for()
    {
        new DomainError("{0:d} / {1:N2}", new DateOnly(2022, 7, 1), 1234.5m).Format(CultureInfo.GetCultureInfo("en-GB"))
            .ShouldBe("01/07/2022 / 1,234.50");
    }

    [Fact]
    public void A_template_without_arguments_is_returned_as_it_is()
    {
        new DomainError("Der Unterstützungsplan fehlt.").Format().ShouldBe("Der Unterstützungsplan fehlt.");
    }

    [Fact]
    public void A_domain_exception_carries_all_errors_and_names_them_in_its_message()
    {
        DomainError[] errors =
        [
            new("Die Gruppe hat {0} Mitglieder.", 3),
            new("Am {0:dd.MM.yyyy} gelten keine Programmregeln.", new DateOnly(2019, 5, 5)),
        ];

        var exception = new DomainException(errors);

        exception.Errors.Select(e => e.Format())
            .ShouldBe(["Die Gruppe hat 3 Mitglieder.", "Am 05.05.2019 gelten keine Programmregeln."]);
        exception.Message.ShouldBe("Die Gruppe hat 3 Mitglieder. Am 05.05.2019 gelten keine Programmregeln.");
    }

    [Fact]
    public void A_domain_exception_from_one_template_carries_that_single_error()
    {
        var exception = new DomainException("Das Geburtsdatum ({0:dd.MM.yyyy}) liegt in der Zukunft.", new DateOnly(2030, 12, 24));

        var error = exception.Errors.ShouldHaveSingleItem();
        error.Template.ShouldBe("Das Geburtsdatum ({0:dd.MM.yyyy}) liegt in der Zukunft.");
        error.Format().ShouldBe("Das Geburtsdatum (24.12.2030) liegt in der Zukunft.");
        exception.Message.ShouldBe("Das Geburtsdatum (24.12.2030) liegt in der Zukunft.");
    }

    [Fact]
    public void A_domain_exception_needs_at_least_one_error()
    {
        Should.Throw<ArgumentException>(() => new DomainException([]));
    }
}
