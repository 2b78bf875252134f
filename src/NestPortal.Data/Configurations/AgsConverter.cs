using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Data.Configurations;

public sealed class AgsConverter() : ValueConverter<Ags, string>(ags => ags.Value, value => Ags.Parse(value));
